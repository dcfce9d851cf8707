// The words of the collector's own link pages (GET /s/:token and its unsubscribe page, issue 17), in the widget's six
// UI languages and the same register as the widget and the invitation e-mails (French "vous", Spanish "usted").
// Non-English text was written by the team and awaits a native review (surveys/REVIEW.md).

/** One page: its title (also the heading) and one paragraph. */
export type PageText = { title: string; body: string };

export type LinkPageStrings = {
  /** The document title of the survey page; the widget draws the survey's own title. */
  survey: string;
  /** Shown where scripts do not run: the survey is drawn by one. */
  noscript: string;
  forged: PageText;
  expired: PageText;
  answered: PageText;
  optedOut: PageText;
  closed: PageText;
  unsubscribe: PageText & { button: string };
};

export const PAGE_LANGUAGES = ['en', 'fr', 'es', 'ar', 'uk', 'ja'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];
export const RTL_PAGE_LANGUAGES: readonly string[] = ['ar', 'fa', 'he', 'ur'];

export const LINK_PAGE_STRINGS: Record<PageLanguage, LinkPageStrings> = {
  en: {
    survey: 'A few questions about your path since the course',
    noscript: 'This survey needs JavaScript. Please turn it on in your browser and open the link again.',
    forged: {
      title: 'This link does not work',
      body: 'The address is incomplete or has been changed. Open the link from your invitation again, copying the whole address, or ask the school for a new one.',
    },
    expired: {
      title: 'This link has expired',
      body: 'The time to answer through this link is over. If you would still like to answer, ask the school for a new link.',
    },
    answered: {
      title: 'Already answered, thank you',
      body: 'Your answers through this link have been received. There is nothing more to do.',
    },
    optedOut: {
      title: 'You will not be asked again',
      body: 'You asked not to receive this survey any more. We will not ask you again.',
    },
    closed: {
      title: 'This survey is closed',
      body: 'This survey is no longer open. Thank you for your interest.',
    },
    unsubscribe: {
      title: 'Stop receiving this survey',
      body: 'Press the button to stop receiving invitations and reminders for this survey.',
      button: 'Do not ask me again',
    },
  },
  fr: {
    survey: 'Quelques questions sur votre parcours depuis la formation',
    noscript: 'Ce questionnaire a besoin de JavaScript. Activez-le dans votre navigateur et ouvrez de nouveau le lien.',
    forged: {
      title: 'Ce lien ne fonctionne pas',
      body: "L'adresse est incomplète ou a été modifiée. Ouvrez de nouveau le lien de votre invitation, en copiant l'adresse entière, ou demandez-en un nouveau à l'établissement.",
    },
    expired: {
      title: 'Ce lien a expiré',
      body: "Le délai pour répondre avec ce lien est passé. Si vous souhaitez encore répondre, demandez un nouveau lien à l'établissement.",
    },
    answered: {
      title: 'Déjà répondu, merci',
      body: "Vos réponses envoyées par ce lien ont bien été reçues. Vous n'avez plus rien à faire.",
    },
    optedOut: {
      title: 'Nous ne vous le demanderons plus',
      body: 'Vous avez demandé à ne plus recevoir ce questionnaire. Nous ne vous le demanderons plus.',
    },
    closed: {
      title: 'Ce questionnaire est clos',
      body: "Ce questionnaire n'est plus ouvert. Merci de votre intérêt.",
    },
    unsubscribe: {
      title: 'Ne plus recevoir ce questionnaire',
      body: 'Appuyez sur le bouton pour ne plus recevoir les invitations et les rappels de ce questionnaire.',
      button: 'Ne plus me le demander',
    },
  },
  es: {
    survey: 'Algunas preguntas sobre su trayectoria desde el curso',
    noscript: 'Este cuestionario necesita JavaScript. Actívelo en su navegador y vuelva a abrir el enlace.',
    forged: {
      title: 'Este enlace no funciona',
      body: 'La dirección está incompleta o ha sido modificada. Vuelva a abrir el enlace de su invitación, copiando la dirección completa, o pida uno nuevo al centro.',
    },
    expired: {
      title: 'Este enlace ha caducado',
      body: 'El plazo para responder con este enlace ha terminado. Si todavía desea responder, pida un nuevo enlace al centro.',
    },
    answered: {
      title: 'Ya ha respondido, gracias',
      body: 'Hemos recibido sus respuestas enviadas con este enlace. No tiene que hacer nada más.',
    },
    optedOut: {
      title: 'No se lo volveremos a preguntar',
      body: 'Ha pedido no recibir más este cuestionario. No se lo volveremos a preguntar.',
    },
    closed: {
      title: 'Este cuestionario está cerrado',
      body: 'Este cuestionario ya no está abierto. Gracias por su interés.',
    },
    unsubscribe: {
      title: 'Dejar de recibir este cuestionario',
      body: 'Pulse el botón para dejar de recibir invitaciones y recordatorios de este cuestionario.',
      button: 'No volver a preguntarme',
    },
  },
  ar: {
    survey: 'بعض الأسئلة عن مسارك منذ الدورة',
    noscript: 'يحتاج هذا الاستبيان إلى JavaScript. يُرجى تفعيله في متصفحك ثم فتح الرابط مرة أخرى.',
    forged: {
      title: 'هذا الرابط لا يعمل',
      body: 'العنوان غير مكتمل أو تم تغييره. افتح الرابط من دعوتك مرة أخرى مع نسخ العنوان كاملًا، أو اطلب رابطًا جديدًا من المؤسسة.',
    },
    expired: {
      title: 'انتهت صلاحية هذا الرابط',
      body: 'انتهت مدة الإجابة عبر هذا الرابط. إذا كنت لا تزال ترغب في الإجابة، فاطلب رابطًا جديدًا من المؤسسة.',
    },
    answered: {
      title: 'تمت الإجابة، شكرًا لك',
      body: 'وصلتنا إجاباتك عبر هذا الرابط. لا يلزمك فعل أي شيء آخر.',
    },
    optedOut: {
      title: 'لن نسألك مرة أخرى',
      body: 'طلبت عدم تلقي هذا الاستبيان بعد الآن. لن نسألك مرة أخرى.',
    },
    closed: {
      title: 'هذا الاستبيان مغلق',
      body: 'لم يعد هذا الاستبيان مفتوحًا. شكرًا لاهتمامك.',
    },
    unsubscribe: {
      title: 'التوقف عن تلقي هذا الاستبيان',
      body: 'اضغط على الزر للتوقف عن تلقي الدعوات والتذكيرات الخاصة بهذا الاستبيان.',
      button: 'لا تسألني مرة أخرى',
    },
  },
  uk: {
    survey: 'Кілька запитань про ваш шлях після курсу',
    noscript: 'Для цього опитування потрібен JavaScript. Увімкніть його у браузері та відкрийте посилання ще раз.',
    forged: {
      title: 'Це посилання не працює',
      body: 'Адреса неповна або її змінено. Відкрийте посилання з вашого запрошення ще раз, скопіювавши всю адресу, або попросіть нове посилання в навчального закладу.',
    },
    expired: {
      title: 'Термін дії посилання минув',
      body: 'Час для відповіді за цим посиланням минув. Якщо ви все ще бажаєте відповісти, попросіть нове посилання в навчального закладу.',
    },
    answered: {
      title: 'Ви вже відповіли, дякуємо',
      body: 'Ваші відповіді за цим посиланням отримано. Більше нічого робити не потрібно.',
    },
    optedOut: {
      title: 'Ми більше не питатимемо',
      body: 'Ви попросили більше не надсилати вам це опитування. Ми більше не питатимемо.',
    },
    closed: {
      title: 'Опитування закрито',
      body: 'Це опитування більше не відкрите. Дякуємо за інтерес.',
    },
    unsubscribe: {
      title: 'Більше не отримувати це опитування',
      body: 'Натисніть кнопку, щоб більше не отримувати запрошення й нагадування щодо цього опитування.',
      button: 'Більше не питати мене',
    },
  },
  ja: {
    survey: '講座修了後の進路についての質問',
    noscript: 'このアンケートには JavaScript が必要です。ブラウザで有効にしてから、もう一度リンクを開いてください。',
    forged: {
      title: 'このリンクは使用できません',
      body: 'アドレスが不完全か、変更されています。招待メールのリンクをアドレス全体をコピーしてもう一度開くか、学校に新しいリンクを依頼してください。',
    },
    expired: {
      title: 'このリンクの有効期限が切れています',
      body: 'このリンクで回答できる期間は終了しました。まだ回答したい場合は、学校に新しいリンクを依頼してください。',
    },
    answered: {
      title: '回答済みです。ありがとうございました',
      body: 'このリンクからの回答を受け付けました。これ以上の操作は必要ありません。',
    },
    optedOut: {
      title: '今後お尋ねすることはありません',
      body: 'このアンケートを今後受け取らないよう依頼されました。今後お尋ねすることはありません。',
    },
    closed: {
      title: 'このアンケートは終了しました',
      body: 'このアンケートの受付は終了しました。ご関心をお寄せいただきありがとうございます。',
    },
    unsubscribe: {
      title: 'このアンケートの受け取りを停止する',
      body: 'ボタンを押すと、このアンケートの招待とリマインダーが届かなくなります。',
      button: '今後は尋ねないでください',
    },
  },
};
