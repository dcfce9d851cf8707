// The host page's own code: what a learning platform writes to use the widget.
const survey = window.OutcomeSurvey;
const status = document.getElementById('status');
const log = document.getElementById('log');

document.getElementById('finish').addEventListener('click', () => {
  status.textContent = 'Course finished. Well done!';
  survey.track('course_completed');
});
document.getElementById('feedback').addEventListener('click', () => survey.show());

for (const name of ['shown', 'dismissed', 'submitted', 'synced', 'error']) {
  survey.on(name, (detail) => {
    const item = document.createElement('li');
    item.textContent = `${name}: ${JSON.stringify(detail)}`;
    log.append(item);
  });
}
