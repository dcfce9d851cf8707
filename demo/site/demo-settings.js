// Runs before the widget's script (module scripts run in document order): passes the
// language and country chosen in the page's form (?lang=fr&country=GB) to the embed, and
// sets the page's own lang and dir so they never override that choice.
const form = document.getElementById('survey-settings');
const widget = document.getElementById('outcome-survey-script');
const params = new URLSearchParams(location.search);

/** The option of `select` whose value is `value`, or undefined when the page does not offer it. */
function offered(select, value) {
  return [...select.options].find((option) => option.value === value);
}

// Without a choice, the browser's first language the demo offers, as the widget itself would pick.
function chosenLanguage() {
  const asked = params.get('lang');
  if (asked !== null) {
    if (offered(form.lang, asked)) return asked;
    console.error(
      `demo: ?lang=${asked} is not offered; use one of ${[...form.lang.options].map((o) => o.value).join(', ')}`,
    );
  }
  const browser = navigator.languages.map((tag) => tag.split('-')[0].toLowerCase());
  return browser.find((language) => offered(form.lang, language)) ?? 'en';
}

function chosenCountry() {
  const asked = (params.get('country') ?? '').toUpperCase();
  if (offered(form.country, asked)) return asked;
  console.error(
    `demo: ?country=${asked} has no question pack; use one of ${[...form.country.options]
      .map((o) => o.value)
      .filter(Boolean)
      .join(', ')}, or leave it out`,
  );
  return '';
}

const language = chosenLanguage();
const country = chosenCountry();
form.lang.value = language;
form.country.value = country;
widget.dataset.locale = language;
if (country) widget.dataset.country = country;
else delete widget.dataset.country;
document.documentElement.lang = language;
document.documentElement.dir = offered(form.lang, language).dataset.dir ?? 'ltr';
