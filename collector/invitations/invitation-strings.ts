// The words of an invitation or reminder email, in the widget's six UI languages (widget/i18n/ui-locales.ts), in the
// same register as the widget's own strings (Spanish "usted", French "vous"). Copied, not imported: the collector
// never imports widget code.

export type MessageStrings = {
  subject: string;
  reminderSubject: string;
  greeting: (name: string | undefined) => string;
  intro: string;
  reminderIntro: string;
  action: string;
  personal: string;
  /** `day` is the last day the link works, already formatted for the language. */
  validUntil: (day: string) => string;
  unsubscribe: string;
};

export const MESSAGE_LANGUAGES = ['en', 'fr', 'es', 'ar', 'uk', 'ja'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];
export const RTL_MESSAGE_LANGUAGES: readonly MessageLanguage[] = ['ar'];

export const MESSAGE_STRINGS: Record<MessageLanguage, MessageStrings> = {
  en: {
    subject: 'A few questions about your path since the course',
    reminderSubject: 'Reminder: a few questions about your path since the course',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    intro:
      'We would like to know what you have been doing since the course. Your answers help us improve it for the learners who come after you. It takes about five minutes.',
    reminderIntro:
      'A few days ago we invited you to answer a few questions about what you have been doing since the course. If you have a moment, your answers still help.',
    action: 'Answer the questions',
    personal: 'This link is yours alone: please do not forward it.',
    validUntil: (day) => `It works until ${day}.`,
    unsubscribe: 'If you do not want to be asked again:',
  },
  fr: {
    subject: 'Quelques questions sur votre parcours depuis la formation',
    reminderSubject: 'Rappel : quelques questions sur votre parcours depuis la formation',
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    intro:
      'Nous aimerions savoir ce que vous faites depuis la formation. Vos réponses nous aident à l’améliorer pour les personnes qui la suivront. Cela prend environ cinq minutes.',
    reminderIntro:
      'Il y a quelques jours, nous vous avons proposé de répondre à quelques questions sur ce que vous faites depuis la formation. Si vous avez un moment, vos réponses nous aident toujours.',
    action: 'Répondre aux questions',
    personal: 'Ce lien est personnel : merci de ne pas le transférer.',
    validUntil: (day) => `Il fonctionne jusqu’au ${day} inclus.`,
    unsubscribe: 'Pour ne plus recevoir ces questions :',
  },
  es: {
    subject: 'Unas preguntas sobre su trayectoria desde el curso',
    reminderSubject: 'Recordatorio: unas preguntas sobre su trayectoria desde el curso',
    greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
    intro:
      'Nos gustaría saber qué ha hecho desde el curso. Sus respuestas nos ayudan a mejorarlo para quienes vienen después. Le llevará unos cinco minutos.',
    reminderIntro:
      'Hace unos días le invitamos a responder unas preguntas sobre lo que ha hecho desde el curso. Si tiene un momento, sus respuestas siguen siendo de ayuda.',
    action: 'Responder a las preguntas',
    personal: 'Este enlace es solo para usted: no lo reenvíe, por favor.',
    validUntil: (day) => `Funciona hasta el ${day}, incluido.`,
    unsubscribe: 'Si no quiere que le volvamos a preguntar:',
  },
  ar: {
    subject: 'بعض الأسئلة عن مسارك منذ الدورة',
    reminderSubject: 'تذكير: بعض الأسئلة عن مسارك منذ الدورة',
    greeting: (name) => (name ? `مرحبًا ${name}،` : 'مرحبًا،'),
    intro:
      'نودّ أن نعرف ماذا تفعل منذ انتهاء الدورة. تساعدنا إجاباتك على تحسينها للمتعلمين من بعدك. يستغرق ذلك نحو خمس دقائق.',
    reminderIntro:
      'دعوناك قبل أيام للإجابة عن بعض الأسئلة حول ما تفعله منذ الدورة. إن كان لديك وقت، فإجاباتك ما زالت تساعدنا.',
    action: 'أجب عن الأسئلة',
    personal: 'هذا الرابط خاص بك وحدك، فالرجاء عدم إعادة توجيهه.',
    validUntil: (day) => `يعمل الرابط حتى ${day}، ضمنًا.`,
    unsubscribe: 'إذا كنت لا تريد أن نسألك مرة أخرى:',
  },
  uk: {
    subject: 'Кілька запитань про ваш шлях після курсу',
    reminderSubject: 'Нагадування: кілька запитань про ваш шлях після курсу',
    greeting: (name) => (name ? `Вітаємо, ${name}!` : 'Вітаємо!'),
    intro:
      'Ми хотіли б дізнатися, чим ви займаєтеся після курсу. Ваші відповіді допоможуть нам покращити його для тих, хто навчатиметься після вас. Це займе близько п’яти хвилин.',
    reminderIntro:
      'Кілька днів тому ми запросили вас відповісти на кілька запитань про те, чим ви займаєтеся після курсу. Якщо маєте хвилинку, ваші відповіді досі допоможуть.',
    action: 'Відповісти на запитання',
    personal: 'Це посилання лише для вас: будь ласка, не пересилайте його.',
    validUntil: (day) => `Воно діє до ${day} включно.`,
    unsubscribe: 'Якщо ви не хочете, щоб вас питали знову:',
  },
  ja: {
    subject: '受講後の進路についてのアンケート',
    reminderSubject: '【リマインダー】受講後の進路についてのアンケート',
    greeting: (name) => (name ? `${name} 様` : 'こんにちは。'),
    intro:
      'コース修了後のご状況について教えてください。いただいた回答は、これから学ぶ方々のためにコースを改善するのに役立てます。所要時間は約5分です。',
    reminderIntro:
      '先日、コース修了後のご状況についてのアンケートをお送りしました。お時間があれば、ぜひご回答ください。',
    action: 'アンケートに回答する',
    personal: 'このリンクはあなた専用です。転送しないでください。',
    validUntil: (day) => `リンクは${day}まで有効です。`,
    unsubscribe: '今後このようなご依頼を希望されない場合:',
  },
};
