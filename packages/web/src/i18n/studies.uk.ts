// Ukrainian texts of the shipped study records. The records (packages/evidence/data/studies/*.json)
// are written in English, as in their sources, but the first users are gynecologists in Ukraine: when
// the reader chose Ukrainian, the pages show the design, the population, each arm's label and
// intervention and each outcome's name from here, keyed by study id, arm id and outcome id. Only the
// wording changes: every number is the same as in the English record (only "." may become ","), and
// names, trial acronyms, scale names and abbreviations clinicians use in Latin stay in Latin. A test
// (packages/web/test/studies-uk.test.ts) checks that every shipped study, arm and outcome has its
// text here, that nothing is left over, that the texts are Ukrainian and that the numbers match.
// Terms as in uk.ts: низькодозований налтрексон (НДН), РКД, небажані явища (adverse events).
// Translated in this project, not yet reviewed by a Ukrainian clinician. Choices to check first:
// norethindrone acetate → норетистерону ацетат (the INN Ukrainian gynecologists know); adverse events
// → небажані явища, adverse effects → побічні ефекти, major → значні (kept apart from серйозні);
// alcohol use disorder → алкогольна залежність; multiple sclerosis is never «РС» (the app uses РС for
// mean difference); patients of unstated sex take the generic masculine (пацієнт … живий);
// washout → період відмивання; double-/quadruple-masked → з подвійним/чотирикратним маскуванням;
// ESR → ШОЕ; dates of Turel 2015 stay month/day/year, said so in the text.

export interface StudyTextsUk {
  design: string;
  population: string;
  arms: Readonly<Record<string, { label: string; intervention: string }>>;
  outcomes: Readonly<Record<string, string>>;
}

const PLACEBO = { label: 'плацебо', intervention: 'плацебо' } as const;
const PLACEBO_PERIOD = { label: 'плацебо (період)', intervention: 'плацебо' } as const;

export const STUDY_TEXTS_UK: Readonly<Record<string, StudyTextsUk>> = {
  agrawal2005: {
    design: 'стаття з гіпотезою (без пацієнтів, без даних)',
    population: 'немає: стаття з гіпотезою',
    arms: {},
    outcomes: {},
  },
  berkson2006: {
    design: 'опис випадку',
    population: 'один пацієнт з раком підшлункової залози з метастазами в печінку',
    arms: {
      'ala-ldn': {
        label: 'в/в α-ліпоєва кислота + НДН',
        intervention: 'внутрішньовенна α-ліпоєва кислота в поєднанні з низькодозованим налтрексоном (протокол ALA/N)',
      },
    },
    outcomes: {},
  },
  berkson2007: {
    design: 'опис випадку',
    population: 'чоловік (T.M.) з фолікулярною лімфомою, який відмовився від стандартної терапії',
    arms: {
      ldn: { label: 'НДН', intervention: 'лише низькодозований налтрексон (прийом припинено в червні 2006 р.)' },
    },
    outcomes: {
      age: 'вік',
      'ldn-duration': 'тривалість прийому НДН',
      'time-to-resolution': 'повна регресія за даними ПЕТ/КТ протягом',
      'follow-up': 'відсутність симптомів після останньої ПЕТ/КТ протягом',
      'max-node-size': 'найбільший лімфатичний вузол до лікування',
    },
  },
  berkson2009: {
    design: 'серія випадків: 3 нові випадки та подальше спостереження за випадком 2006 р.',
    population: 'метастатичний і неметастатичний рак підшлункової залози',
    arms: {
      'ala-ldn': {
        label: 'в/в α-ліпоєва кислота + НДН',
        intervention: 'внутрішньовенна α-ліпоєва кислота в поєднанні з низькодозованим налтрексоном, а також дієта і харчові добавки',
      },
    },
    outcomes: {
      'survival-first-patient': 'перший пацієнт (повідомлення 2006 р.): живий через',
      'survival-gb': 'пацієнт GB: живий через',
      'ned-jk': 'пацієнт JK: без ознак захворювання за даними ПЕТ через',
      'ned-rc': 'пацієнт RC: без ознак захворювання за даними ПЕТ через',
    },
  },
  bested2023: {
    design:
      'рандомізоване подвійне сліпе плацебо-контрольоване перехресне дослідження (лікування: дні від −3 до 21, період відмивання: дні 22–32, лікування: дні 33–56)',
    population: 'пацієнти з фіброміалгією',
    arms: {
      ldn: { label: 'НДН 4,5 мг (період)', intervention: 'налтрексон 4,5 мг один раз на добу' },
      placebo: PLACEBO_PERIOD,
    },
    outcomes: {
      fiqr: 'бал FIQR',
      spir: 'сумарна оцінка інтенсивності болю (SPIR)',
    },
  },
  bihari1996: {
    design:
      'плацебо-контрольоване дослідження в пацієнтів зі СНІДом, 12 тижнів, описане лише в неопублікованому резюме на вебсайті (рандомізацію і засліплення в дослідницьких нотатках не зафіксовано)',
    population: 'пацієнти зі СНІДом',
    arms: {
      ldn: { label: 'НДН 3 мг', intervention: 'налтрексон 3 мг перед сном' },
      placebo: PLACEBO,
    },
    outcomes: {
      'opportunistic-infections': 'опортуністичні інфекції',
      'baseline-endorphin': 'β-ендорфін у сироватці нижче третини норми',
      'endorphin-rise': 'підвищення рівня ендорфінів на тлі НДН',
    },
  },
  bolton2019: {
    design: 'систематичний огляд і метааналіз за моделлю випадкових ефектів (R) плацебо-контрольованих РКД перорального налтрексону',
    population:
      'учасники РКД з алкогольною залежністю, психічними розладами, розладами контролю імпульсів, іншими залежностями, ожирінням або розладами харчової поведінки, хворобою Крона, фіброміалгією або раком',
    arms: {
      naltrexone: { label: 'пероральний налтрексон', intervention: 'пероральний налтрексон (переважно в повній дозі)' },
      placebo: PLACEBO,
    },
    outcomes: {
      'serious-adverse-events': 'серйозні небажані явища',
      'participants-with-sae': 'учасники з ≥1 серйозним небажаним явищем (аналіз чутливості)',
      dizziness: 'запаморочення',
      vomiting: 'блювання',
    },
  },
  bruunplesner2020: {
    design: 'дослідження з підбору дози за методом «вгору-вниз» (up-and-down), тестові дози 0,75–6 мг з кроком 0,75 мг',
    population: 'жінки з фіброміалгією',
    arms: {
      ldn: { label: 'тестові дози НДН', intervention: 'налтрексон у дозі, визначеній за правилом «вгору-вниз»' },
    },
    outcomes: {
      ed50: 'ED50 (доза, за якої відповідь спостерігається в половини учасників)',
      ed95: 'ED95',
    },
  },
  'cochrane-cd010410': {
    design: 'систематичний огляд і метааналіз РКД (RevMan 5.3.5, аналіз за принципом intention-to-treat, відношення ризиків)',
    population: 'активна хвороба Крона (дорослі та діти)',
    arms: {
      ldn: { label: 'НДН', intervention: 'низькодозований налтрексон' },
      placebo: PLACEBO,
    },
    outcomes: {
      'clinical-remission': 'клінічна ремісія',
      'clinical-response': 'клінічна відповідь',
      'endoscopic-response': 'ендоскопічна відповідь',
    },
  },
  cree2010: {
    design: 'одноцентрове плацебо-контрольоване перехресне дослідження з подвійним маскуванням, 8 тижнів кожен період',
    population: 'розсіяний склероз',
    arms: {
      ldn: { label: 'НДН 4,5 мг (період)', intervention: 'налтрексон 4,5 мг щодня на ніч' },
      placebo: PLACEBO_PERIOD,
    },
    outcomes: {
      'sf36-mcs': 'сумарний показник психічного компонента SF-36',
      mhi: 'Mental Health Inventory (опитувальник психічного здоров’я)',
      'pain-effects': 'Pain Effects Scale (шкала впливу болю)',
      'perceived-deficits': 'Perceived Deficits Questionnaire (опитувальник суб’єктивних когнітивних порушень)',
      'serious-adverse-events': 'серйозні небажані явища',
      'vivid-dreaming': 'яскраві сновидіння',
    },
  },
  'dutch-ibd-2014': {
    design: 'серія випадків амбулаторних пацієнтів (тези конференції P418; у частини пацієнтів серії спостереження ще триває)',
    population: 'амбулаторні пацієнти із запальними захворюваннями кишечника (ЗЗК), резистентними до терапії',
    arms: {
      ldn: { label: 'НДН 5 мг', intervention: 'низькодозований налтрексон' },
    },
    outcomes: {
      'clinical-response': 'клінічна відповідь (ремісія через 3 місяці)',
      'clinical-response-cd': 'клінічна відповідь, хвороба Крона',
      'clinical-response-uc': 'клінічна відповідь, виразковий коліт',
      'limited-response': 'відповідь обмеженої тривалості',
      'no-response': 'відсутність відповіді',
      'follow-up-ongoing': 'пацієнти, спостереження за якими ще триває',
    },
  },
  final2024: {
    design: 'одноцентрове рандомізоване подвійне сліпе плацебо-контрольоване дослідження в паралельних групах, Данія',
    population: 'жінки з фіброміалгією',
    arms: {
      ldn: { label: 'налтрексон 6 мг', intervention: 'налтрексон 6 мг один раз на добу після 4-тижневого титрування' },
      placebo: PLACEBO,
    },
    outcomes: {
      'pain-nrs': 'інтенсивність болю (NRS 0–10), зміна від вихідного рівня',
      'ae-discontinuation': 'припинення лікування через небажані явища',
    },
  },
  gironi2008: {
    design: 'багатоцентрове відкрите пілотне дослідження II фази, 6 місяців',
    population: 'первинно-прогресуючий розсіяний склероз',
    arms: {
      ldn: { label: 'НДН', intervention: 'низькодозований налтрексон' },
    },
    outcomes: {
      'safety-tolerability': 'безпечність і переносимість (первинний наслідок)',
      'major-adverse-events': 'значні небажані явища',
      'disability-progression': 'прогресування інвалідизації',
      spasticity: 'спастичність (вторинний наслідок)',
      'beta-endorphin-pbmc': 'β-ендорфін у мононуклеарних клітинах периферичної крові',
      oprm1: 'варіанти OPRM1 і зміна спастичності',
    },
  },
  'ldn-crohn-protocol': {
    design: 'багатоцентрове рандомізоване плацебо-контрольоване дослідження (протокол)',
    population: 'хвороба Крона легкого та середнього ступеня тяжкості',
    arms: {
      ldn: { label: 'НДН 4,5 мг', intervention: 'налтрексон 4,5 мг один раз на добу' },
      placebo: PLACEBO,
    },
    outcomes: {
      'endoscopic-remission': 'ендоскопічна ремісія',
    },
  },
  lie2018: {
    design: 'проспективне відкрите когортне дослідження НДН як додаткової терапії, з експериментами in vitro та на органоїдах',
    population: 'пацієнти із запальними захворюваннями кишечника (ЗЗК), рефрактерні до терапії, які не перебувають у ремісії',
    arms: {
      ldn: { label: 'НДН як додаткова терапія', intervention: 'НДН на додаток до стандартної терапії' },
    },
    outcomes: {
      'clinical-improvement': 'клінічне покращення',
      remission: 'ремісія',
      'remission-ldnrt': 'повна клінічна ремісія (за резюме LDN Research Trust)',
      'er-stress': 'стрес ендоплазматичного ретикулума в слизовій оболонці',
    },
  },
  ludwig2016: {
    design: 'ретроспективне порівняння',
    population: 'розсіяний склероз',
    arms: {
      ldn: { label: 'НДН', intervention: 'низькодозований налтрексон' },
      glatiramer: { label: 'глатирамеру ацетат (+НДН)', intervention: 'глатирамеру ацетат' },
    },
    outcomes: {
      stability: 'лабораторні показники, тест ходьби на 25 футів, МРТ',
    },
  },
  nct03970330: {
    design:
      'рандомізоване плацебо-контрольоване дослідження 3 фази з чотирикратним маскуванням, НДН або плацебо на додаток до норетистерону (норетиндрону) ацетату 5–15 мг/добу; припинене («первинний головний дослідник залишив установу, брак фінансування»)',
    population: 'жінки з хронічним тазовим болем, зумовленим ендометріозом (Penn State / Milton S. Hershey Medical Center)',
    arms: {
      ldn: {
        label: 'НДН 4,5 мг + норетистерону ацетат',
        intervention: 'налтрексон 4,5 мг/добу з норетистерону ацетатом 5–15 мг/добу',
      },
      placebo: {
        label: 'плацебо + норетистерону ацетат',
        intervention: 'плацебо з норетистерону ацетатом 5–15 мг/добу',
      },
    },
    outcomes: {
      'pain-vas-auc': 'щоденний біль за VAS, площа під кривою',
      'ehp30-pgic': 'EHP-30 і PGIC (вторинні наслідки)',
    },
  },
  parkitny2017: {
    design: 'одинарне сліпе пілотне дослідження: вихідний період, потім 8 тижнів НДН',
    population: 'жінки з фіброміалгією',
    arms: {
      ldn: { label: 'НДН 4,5 мг', intervention: 'налтрексон 4,5 мг щодня' },
    },
    outcomes: {
      'il-6': 'IL-6 у плазмі',
      'tnf-alpha': 'TNF-α у плазмі',
      'il-1beta': 'IL-1β у плазмі',
      'il-10': 'IL-10 у плазмі',
      'il-17a': 'IL-17A у плазмі',
      'tgf-beta': 'TGF-β у плазмі',
      pain: 'біль',
      'overall-symptoms': 'симптоми загалом',
    },
  },
  'peds-case-2010': {
    design: 'опис випадку',
    population: 'один пацієнт дитячого віку з хворобою Крона дванадцятипалої кишки (вік і стать не знайдено)',
    arms: {
      ldn: { label: 'НДН', intervention: 'низькодозований налтрексон' },
    },
    outcomes: {
      age: 'вік на момент лікування',
      'time-to-improvement': 'час до клінічного покращення',
      'mucosal-healing': 'загоєння слизової оболонки за даними ендоскопії з біопсією',
    },
  },
  sharafaddinzadeh2010: {
    design: 'рандомізоване подвійне сліпе плацебо-контрольоване перехресне дослідження у двох університетах, 17 тижнів',
    population: 'рецидивно-ремітуючий або вторинно-прогресуючий розсіяний склероз',
    arms: {
      ldn: { label: 'НДН (період)', intervention: 'низькодозований налтрексон' },
      placebo: PLACEBO_PERIOD,
    },
    outcomes: {
      msqol54: 'субшкали MSQoL-54',
    },
  },
  smith2007: {
    design: 'відкрите однорукавне пілотне дослідження: НДН протягом 12 тижнів, спостереження 4 тижні після припинення',
    population: 'активна хвороба Крона, CDAI 220–450, підтверджена гістологічно та ендоскопічно; без інфліксимабу протягом ≥8 тижнів',
    arms: {
      ldn: { label: 'НДН 4,5 мг', intervention: 'налтрексон 4,5 мг перорально щовечора' },
    },
    outcomes: {
      'cdai-baseline': 'вихідний CDAI',
      'cdai-change': 'зміна CDAI від вихідного рівня',
      response: 'клінічна відповідь',
      remission: 'клінічна ремісія',
      'response-ddw': 'клінічна відповідь (доповідь на DDW 2006, вторинний наслідок)',
      'remission-ddw': 'клінічна ремісія (доповідь на DDW 2006, вторинний наслідок)',
      'quality-of-life': 'IBDQ і SF-36',
      'sleep-disturbance': 'порушення сну (найчастіше небажане явище)',
      laboratory: 'відхилення лабораторних показників',
    },
  },
  smith2011: {
    design:
      'рандомізоване подвійне сліпе плацебо-контрольоване дослідження, 12 тижнів, далі відкритий прийом НДН (плацебо → НДН; НДН → НДН до 6 місяців)',
    population: 'дорослі з активною хворобою Крона, CDAI ≥220',
    arms: {
      ldn: { label: 'НДН 4,5 мг', intervention: 'налтрексон 4,5 мг перорально щодня' },
      placebo: PLACEBO,
    },
    outcomes: {
      'clinical-response': 'клінічна відповідь',
      'endoscopic-response': 'ендоскопічна відповідь',
      'endoscopic-remission': 'ендоскопічна ремісія',
      fatigue: 'втома (небажане явище)',
    },
  },
  smith2013: {
    design: 'рандомізоване плацебо-контрольоване дослідження: 8 тижнів НДН порівняно з плацебо, далі 8 тижнів відкритого прийому НДН',
    population: 'діти віком 8–17 років із хворобою Крона середнього та тяжкого ступеня, PCDAI ≥31',
    arms: {
      ldn: { label: 'НДН 0,1 мг/кг', intervention: 'налтрексон 0,1 мг/кг один раз на добу, не більше 4,5 мг' },
      placebo: { label: 'плацебо', intervention: 'плацебо протягом 8 тижнів, далі відкритий прийом НДН' },
    },
    outcomes: {
      pcdai: 'PCDAI на тлі НДН',
      remission: 'ремісія',
      improvement: 'покращення',
      'quality-of-life': 'системна і соціальна складові якості життя',
      'serious-adverse-events': 'серйозні небажані явища',
    },
  },
  'towers-abstract141': {
    design: 'проспективне однорукавне когортне дослідження (тези конференції)',
    population: 'вагітні з опіоїдною залежністю, які розпочали прийом перорального налтрексону після детоксикації',
    arms: {
      naltrexone: { label: 'налтрексон 50 мг', intervention: 'пероральний налтрексон 50 мг щодня після детоксикації' },
    },
    outcomes: {
      'relapse-washout': 'рецидив протягом 7-денного періоду відмивання',
      'stayed-to-delivery': 'продовжували прийом налтрексону до пологів',
      'nas-stayed': 'неонатальний абстинентний синдром, матері, які продовжували прийом налтрексону',
      'nas-stopped': 'неонатальний абстинентний синдром, матері, які припинили прийом до пологів',
      'stopped-headache': 'припинили прийом через головний біль',
      'stopped-not-needed': 'припинили прийом, бо «не вважали, що він їм потрібен»',
      'started-after-24-weeks': 'розпочали після 24 тижнів вагітності з 60-хвилинним моніторингом стану плода під час першої дози',
      'started-before-24-weeks': 'розпочали до 24 тижнів вагітності',
      'first-trimester': 'розпочали в першому триместрі',
      'sab-iufd': 'самовільний аборт або внутрішньоутробна загибель плода',
      preterm: 'передчасні пологи',
      'cord-levels': 'налтрексон і 6β-налтрексол у пуповинній крові',
    },
  },
  'towers-ajog': {
    design: 'проспективне когортне дослідження: налтрексон порівняно з метадоном або бупренорфіном',
    population: 'вагітні з опіоїдною залежністю',
    arms: {
      naltrexone: { label: 'налтрексон', intervention: 'пероральний налтрексон' },
      agonist: { label: 'метадон або бупренорфін', intervention: 'метадон або бупренорфін' },
    },
    outcomes: {
      'planned-size': 'запланований розмір вибірки на групу',
      nas: 'неонатальний абстинентний синдром, новонароджені з терміном гестації > 34 тижнів',
      'nas-to-delivery': 'неонатальний абстинентний синдром за умови прийому налтрексону до пологів',
    },
  },
  turel2015: {
    design:
      'ретроспективний аналіз медичних карт без групи порівняння (карти за період 1/1/2005–5/31/2012; дати у форматі місяць/день/рік)',
    population: 'пацієнти з розсіяним склерозом, у медичних картах яких зафіксовано прийом НДН',
    arms: {
      ldn: { label: 'приймали НДН', intervention: 'низькодозований налтрексон' },
    },
    outcomes: {
      'rrms-share': 'рецидивно-ремітуючий розсіяний склероз',
      'spms-share': 'вторинно-прогресуючий розсіяний склероз',
      'disease-duration': 'середня тривалість захворювання',
      'ldn-duration': 'середня тривалість прийому НДН',
      'no-adverse-effects': 'відсутність побічних ефектів',
      insomnia: 'безсоння',
      'vivid-dreams': 'яскраві (неприємні) сновидіння',
      'less-fatigue': 'менша втома',
      'more-fatigue': 'більша втома',
      'better-qol': 'краща якість життя',
    },
  },
  vatvani2024: {
    design: 'систематичний огляд і метааналіз РКД',
    population: 'учасники РКД з фіброміалгією',
    arms: {
      ldn: { label: 'НДН', intervention: 'низькодозований налтрексон' },
      placebo: PLACEBO,
    },
    outcomes: {
      pain: 'біль',
      'pressure-pain-threshold': 'поріг больової чутливості до тиску',
      'fiqr-pcs': 'FIQR і PCS',
      'adverse-events': 'небажані явища',
    },
  },
  wachman2019: {
    design: 'ретроспективне когортне дослідження діад «мати–дитина»',
    population: 'вагітні з опіоїдною залежністю та їхні немовлята',
    arms: {
      naltrexone: { label: 'налтрексон', intervention: 'налтрексон (дозу не знайдено)' },
      buprenorphine: { label: 'бупренорфін', intervention: 'бупренорфін' },
    },
    outcomes: {
      nas: 'неонатальний абстинентний синдром',
    },
  },
  younger2009: {
    design:
      'одинарне сліпе плацебо-контрольоване перехресне дослідження з фіксованою послідовністю: вихідний період 2 тижні, плацебо 2 тижні, НДН 8 тижнів, період відмивання 2 тижні',
    population: 'жінки з фіброміалгією',
    arms: {
      ldn: { label: 'НДН 4,5 мг (період)', intervention: 'налтрексон 4,5 мг' },
      placebo: { label: 'плацебо (період)', intervention: 'плацебо (одинарний сліпий вступний період)' },
    },
    outcomes: {
      'symptom-reduction': 'зменшення симптомів порівняно з плацебо',
      'pain-thresholds': 'механічний і тепловий больові пороги',
      'esr-variance': 'дисперсія відповіді, пояснена вихідною ШОЕ',
      'sleep-effects': 'безсоння і яскраві сновидіння',
    },
  },
  younger2013: {
    design:
      'рандомізоване подвійне сліпе плацебо-контрольоване перехресне дослідження зі збалансованою послідовністю періодів (12 тижнів НДН, 4 тижні плацебо)',
    population: 'жінки з фіброміалгією',
    arms: {
      ldn: { label: 'НДН 4,5 мг (період)', intervention: 'налтрексон 4,5 мг щодня' },
      placebo: PLACEBO_PERIOD,
    },
    outcomes: {
      'pain-reduction': 'зменшення болю відносно вихідного рівня',
      'life-satisfaction': 'загальна задоволеність життям',
      mood: 'настрій',
      'fatigue-sleep': 'втома і якість сну',
      responders: 'пацієнти з відповіддю на лікування (респондери)',
      'serious-adverse-events': 'серйозні небажані явища',
      'symptom-reduction-aapm': 'зменшення симптомів (доповідь AAPM 2012)',
      'vivid-dreams': 'яскраві сновидіння (доповідь AAPM 2012)',
      headache: 'головний біль (доповідь AAPM 2012)',
      tolerability: 'оцінка переносимості (0–100, доповідь AAPM 2012)',
    },
  },
};
