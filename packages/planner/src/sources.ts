// The sources the planner's rules, presets and compounding numbers rest on, copied from
// shared/reference/planner.md (citation and the URL of the stored copy that was read, as written
// there). A rule or preset cites sources by id, each with the evidence level it has in that use
// (the same page can be S for one fact and U for another), so nothing is shown without a source.
//
// Evidence levels (planner.md): P primary study, P-SR systematic review / meta-analysis,
// L label or regulation, G guideline / compendial / official reference, S secondary,
// U unverified, D derived here by arithmetic (not a source); "policy" marks a threshold the
// planner chose where planner.md says "planner policy".

export const EVIDENCE_TAGS = ['P', 'P-SR', 'L', 'G', 'S', 'U', 'D', 'policy'] as const;
export type EvidenceTag = (typeof EVIDENCE_TAGS)[number];

export const EVIDENCE_TAG_LABELS: Record<EvidenceTag, { en: string; uk: string }> = {
  P: { en: 'primary study', uk: 'первинне дослідження' },
  'P-SR': { en: 'systematic review / meta-analysis', uk: 'систематичний огляд / метааналіз' },
  L: { en: 'label or regulation', uk: 'інструкція або нормативний документ' },
  G: { en: 'guideline, compendial standard or official reference', uk: 'настанова, фармакопейний стандарт або офіційний довідник' },
  S: { en: 'secondary source (pharmacy, clinic, charity)', uk: 'вторинне джерело (аптека, клініка, благодійна організація)' },
  U: { en: 'unverified', uk: 'неперевірене джерело' },
  D: { en: 'derived here by arithmetic', uk: 'обчислено тут із наведених чисел' },
  policy: { en: 'planner policy, not a clinical source', uk: 'правило планувальника, не клінічне джерело' },
};

export interface Source {
  id: string;
  citation: string;
  /** the stored copy that was read; absent only for the planner's own policy */
  url?: string;
}

const list: Source[] = [
  // opioids
  { id: 'label-current', citation: 'Naltrexone hydrochloride tablets, current label: contraindications (DrugCentral copy)', url: 'https://drugcentral.org/label/adb7c4dc-221a-4d91-9687-0d78913a92ad/view' },
  { id: 'fda-slc-2013', citation: 'FDA safety labeling change, naltrexone, October 2013 (boxed warning removed; overdose after stopping)', url: 'http://www.fda.gov/Safety/MedWatch/SafetyInformation/ucm374896.htm' },
  { id: 'label-opioid-free', citation: 'Naltrexone label text: opioid-free (including tramadol) for a minimum of 7 to 10 days (PrescriberPoint copy)', url: 'https://prescriberpoint.com/therapies/naltrexone-hydrochloride-0f30f88' },
  { id: 'label-mallinckrodt', citation: 'Naltrexone label, Mallinckrodt (older text with the former boxed warning)', url: 'http://www2.mallinckrodt.com/Templates/Pages/productdetail.aspx?id=1945' },
  { id: 'leaflet-multum', citation: 'Naltrexone (oral) patient leaflet, Multum-style copy: not if methadone or buprenorphine was used in the past 14 days', url: 'http://dobbsferrypharmacy.com/PatientPortal/MyPractice.aspx?ID=HW5d01406a1&Title=naltrexone-%28oral%29&UAID=C02C9140-EE45-4012-81AE-26B3E0C445ED' },
  { id: 'ai-buprenorphine', citation: 'AI-generated answer page attributing a "2 weeks" methadone/buprenorphine statement to the label (not seen in a label copy)', url: 'https://www.droracle.ai/articles/762124/how-many-days-after-taking-one-buprenorphine-suboxone-pill' },
  { id: 'label-vivitrol', citation: 'Vivitrol label (openFDA): naltrexone antagonises cough and cold remedies, antidiarrheal preparations and opioid analgesics', url: 'https://api.fda.gov/drug/label.json?search=%22Vivitrol%22' },
  { id: 'label-revia-ddi', citation: 'REVIA label text (DDI corpus copy): interactions (opioid-containing products, thioridazine, hepatotoxic drugs)', url: 'https://huggingface.co/datasets/bigbio/ddi_corpus/viewer/ddi_corpus_bigbio_kb/train?p=4' },
  { id: 'ldn-norge', citation: 'LDN Norge (Norwegian LDN patient group): side effects', url: 'https://sites.google.com/view/ldnno/bivirkninger' },
  { id: 'liptan', citation: 'Liptan G., "Lessons learned on opioids and LDN for fibromyalgia" (blog)', url: 'https://www.drginevra.com/post/lessons-learned-on-opioids-and-ldn-for-fibromyalgia' },
  // surgery
  { id: 'ldnrt-surgery', citation: 'LDN Research Trust (pharmacist M. Moser): stop LDN 3 days before surgery, restart when off opioid pain medicines', url: 'https://ldnresearchtrust.org/when-do-i-stop-low-dose-naltrexone-ldn-prior-surgery' },
  { id: 'ldndirect-surgery', citation: 'LDNdirect (Dr Zalzala): stop LDN 48 hours before any surgery', url: 'https://ldndirect.com/blog/ldn-surgery' },
  { id: 'burns-2022', citation: 'Burns et al. 2022, Curr Opin Anaesthesiol: mu-antagonists (naltrexone) held 72 hours', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9308736' },
  { id: 'goel-2024', citation: 'Goel et al. 2024, Anesthesiology: scoping review of perioperative naltrexone; no guideline addresses chronic pain (LDN)', url: 'https://ouci.dntb.gov.ua/works/4yoRmNA9' },
  // titration
  { id: 'ldnrt-dickson', citation: 'LDN Research Trust, pharmacist S. Dickson: starting dose and titration', url: 'https://ldnresearchtrust.org/can-you-talk-through-starting-dose-and-titration-low-dose-naltrexone-ldn' },
  { id: 'ldnrt-moser', citation: 'LDN Research Trust, pharmacist M. Moser: how do you increase the dose', url: 'https://ldnresearchtrust.org/how-do-you-increase-dose-low-dose-naltrexone-ldn' },
  { id: 'ldnrt-pack', citation: 'LDN Research Trust information pack (older; Scribd copy)', url: 'https://ar.scribd.com/document/56492592/LDN-Information-Pack-1' },
  { id: 'lavender-sky', citation: 'Lavender Sky Health: naltrexone Rx summary', url: 'https://lavenderskyhealth.com/rx-summaries/naltrexone' },
  { id: 'okelly-2022', citation: "O'Kelly et al. 2022, long COVID, pre–post study, n = 52 (PubMed 35814187 mirror)", url: 'http://47.251.13.51:8081/35814187' },
  { id: 'norland', citation: 'Norland Pharmacy LDN fax sheet: thyroid titration', url: 'https://cdn.shopify.com/s/files/1/0292/7201/4947/files/Norland-Pharmacy-LDN-Fax-Sheet.pdf' },
  { id: 'hdrx', citation: 'HDRx compounding pharmacy: LDN dosing table', url: 'https://www.hdrx.com/?p=66373' },
  { id: 'raknes-2020', citation: 'Raknes & Småbrekke 2020, BMC Endocr Disord: no change in thyroid hormone dispensing after starting LDN (898 patients)', url: 'https://link.springer.com/article/10.1186/s12902-020-00630-4' },
  { id: 'ldn-org-thyroid', citation: 'lowdosenaltrexone.org, quoted: Hashimoto\'s on thyroid hormone (blog copy)', url: 'http://healthywithin.blogspot.com/2010/12/another-tachycardia-episode.html?m=1&showComment=1291352636528' },
  { id: 'smith-2013', citation: "Smith et al. 2013, paediatric Crohn's disease RCT, n = 14, age 8–17 (PubMed 23188075 mirror; NCT00715117)", url: 'http://47.251.13.51:8081/23188075' },
  { id: 'final-2024', citation: 'FINAL 2024 (Due Bruun), fibromyalgia RCT, 6 mg after a 4-week titration (registry NCT04270877)', url: 'https://trials.co/clinical-trials-details/-/NCT04270877' },
  { id: 'bruun-plesner-2020', citation: 'Bruun-Plesner et al. 2020, fibromyalgia up-and-down study, 0.75–6 mg (PubMed 32068870, proxy copy)', url: 'https://proxy.weglot.com/wg_31e3b69165a930b5a27173d9b265f5a52/nl/en/pubmed.ncbi.nlm.nih.gov/32068870' },
  { id: 'younger-2009', citation: 'Younger & Mackey 2009, fibromyalgia pilot: insomnia and vivid dreams "rare … minor and transient"', url: 'https://www.ldnscience.org/research/pmid19453963' },
  { id: 'lawrence-notes', citation: 'Dr R. Lawrence (MS), side effects and dosing of LDN: start-up effects not more than 7–10 days', url: 'https://sites.google.com/site/dudleyslowdosenaltrexonesites/home/side-effects-and-dosing-of-ldn' },
  { id: 'biologyinsights-sleep', citation: 'Biology Insights: why does LDN cause insomnia (practice advice)', url: 'https://biologyinsights.com/why-does-ldn-cause-insomnia-how-to-manage-it' },
  { id: 'alanmeds-sleep', citation: 'Alan Meds: low-dose naltrexone and sleep (practice advice)', url: 'https://www.alanmeds.com/resource/low-dose-naltrexone-and-sleep-what-to-know-about-its-surprising-effects?srsltid=AfmBOop_Bb3QHEkbhuuMLGBPNEV4yjPC_NplKGA6vp471vZQ2MizZI7i' },
  { id: 'bc-protocol', citation: 'Naik, Nacul et al. 2024, post-COVID fatigue RCT protocol (BMJ Open), Table 4: study-drug diary daily for 4 weeks and 7 days after any dose change', url: 'https://bmjopen-bmj-com.bibliotheek.ehb.be/highwire/markup/319650/expansion?height=500&iframe=true&width=1000' },
  { id: 'dent-1981', citation: 'Diurnal rhythm of plasma immunoreactive β-endorphin (usually cited as Dent et al. 1981, J Clin Endocrinol Metab): highest 04:00–10:00, lowest 22:00–03:30', url: 'https://scilit.net/publications/66b4a68f3b07b8c626681655f5cd1d61' },
  { id: 'smith-2007', citation: "Smith et al. 2007, Crohn's disease, open-label: 4.5 mg each evening", url: 'https://pure.psu.edu/en/publications/low-dose-naltrexone-therapy-improves-active-crohns-disease' },
  { id: 'cree-2010', citation: 'Cree et al. 2010, multiple sclerosis crossover: 4.5 mg nightly', url: 'https://zendy.io/title/10.1002/ana.22006' },
  { id: 'nct03970330', citation: 'NCT03970330 (Hershey), endometriosis RCT, terminated: 4.5 mg daily with norethindrone acetate', url: 'https://meddatax.com/clinical-trials/NCT03970330/results' },
  // compounding
  { id: 'label-revia', citation: 'REVIA label (DailyMed archive): 50 mg naltrexone hydrochloride, scored tablet; excipients incl. lactose; MW 377.86', url: 'https://dailymed.nlm.nih.gov/dailymed/archives/fdaDrugInfo.cfm?archiveid=48058' },
  { id: 'label-dailymed-2024', citation: 'Naltrexone hydrochloride label (DailyMed 2024): soluble in water to about 100 mg/mL', url: 'https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=74087d2f-468d-4de1-a2fc-a489d0f2abef' },
  { id: 'drugs-mmx', citation: 'drugs.com monograph: naltrexone base MW 341.41', url: 'http://www.drugs.com/mmx/naltrexone-hydrochloride.html' },
  { id: 'ahs-recipe', citation: 'Alberta Health Services recipe: naltrexone 5 mg/mL oral suspension ("Shake Well", fridge 60 days / room temperature 30 days)', url: 'http://inphonet.albertahealthservices.ca/pharmacy/ahs_recipes/viewrecipe.asp?id=156' },
  { id: 'fawcett-1997', citation: 'Fawcett, Morgan, Woods 1997, Ann Pharmacother 31:1291: 1 mg/mL liquid stable 60 days at 4 °C, 30 days at 25 °C (PubMed 9391680, proxy copy)', url: 'https://proxy.weglot.com/wg_31e3b69165a930b5a27173d9b265f5a52/nl/en/pubmed.ncbi.nlm.nih.gov/9391680' },
  { id: 'nz-formula', citation: 'NZ medicines information: naltrexone oral liquid formula (Fawcett: 2 × 50 mg tablets, ascorbic acid 500 mg, preservative 0.1 %, glycerol 20 mL, water to 100 mL)', url: 'https://medicinesinformation.co.nz/2023/07/05/naltrexone-oral-liquid-formula' },
  { id: 'nathankennard', citation: 'Nathan Kennard LDN dose calculator: one 50 mg tablet in 50 mL water = 1 mg/mL', url: 'http://nathankennard.com/ldn/dosecalculator.html' },
  { id: 'usp795-nj', citation: 'USP <795> beyond-use dates as codified in N.J.A.C. 13:39-11A.11 (water-containing ≤ 14 days at 2–8 °C; solids 6 months)', url: 'https://d1tvxue8o4w0fl.cloudfront.net/regulation/new-jersey-administrative-code/title-13-law-and-public-safety/chapter-39-state-board-of-pharmacy/subchapter-11a-compounding-non-sterile-preparations-in-retail-and-institutional-pharmacies/section-1339-11a11-beyond-use-dates' },
  { id: 'cote-2018', citation: 'Cote 2018, IJPC 22(3):252–256: naltrexone capsules in Avicel stable 360 days at room temperature, protected from light', url: 'https://ijpc.com/Abstracts/Abstract.cfm?ABS=4481' },
  { id: 'compounder-fillers', citation: 'The Compounder: LDN fillers (avoid calcium carbonate and slow-release excipients)', url: 'https://thecompounder.com/ldn-fillers/' },
  { id: 'ldn-org-fillers', citation: 'lowdosenaltrexone.org, quoted: "DO NOT get LDN in slow-release form" (healyourselfathome copy)', url: 'https://healyourselfathome.com/SUPPORTING_INFORMATION/CELL_MESSENGERS/HORMONES/POLYPEPTIDES/LDN/HOW/LDN_HOW_MAIN.aspx' },
  { id: 'arenas-lopez-2017', citation: 'Arenas-López et al. 2017, Arch Dis Child: 1 mL enteral syringes inaccurate for volumes ≤ 0.1 mL', url: 'https://adc.bmj.com/content/102/7/655' },
  { id: 'unc-device', citation: 'UNC compounding lab: selecting a measuring device (use the smallest device that holds the volume)', url: 'http://pharmlabs.unc.edu/labs/measurements/selection.htm' },
  { id: 'ismp-oral-syringes', citation: 'ISMP Canada: oral syringes (never household spoons)', url: 'https://safemedicationuse.ca/alerts/alerts_oral_syringes.html' },
  { id: 'innova', citation: 'INNOVA trial (NCT04739995): one lactose-free 4.5 mg naltrexone tablet daily before sleep', url: 'https://trials.co/clinical-trials-details/-/NCT04739995' },
  // other safety
  { id: 'drugs-ppa', citation: 'drugs.com professional information: AUC ≈ 5× (compensated) and ≈ 10× (decompensated cirrhosis); renal impairment not studied', url: 'http://www.drugs.com/ppa/naltrexone-hydrochloride.html' },
  { id: 'livertox', citation: 'LiverTox: naltrexone', url: 'https://ncbi.nlm.nih.gov/books/n/livertox/Naltrexone/' },
  { id: 'final-register', citation: 'FINAL trial, EU register copy: exclusions ALT > 2 × upper reference limit, GFR < 59 mL/min', url: 'https://trial.medpath.com/clinical-trial/1afa577288cb5fd1/fibromyalgia-naltrexone-final-study' },
  { id: 'label-pregnancy', citation: 'Naltrexone label, pregnancy: early fetal loss in animals at ≥ 5 × the human dose; no adequate human studies (copy)', url: 'https://motherfigure.com/pregnancy-lactation/naltrexone' },
  { id: 'lactmed', citation: 'LactMed (via drugs.com, Apr 2024): "not a reason to discontinue breastfeeding"', url: 'https://www.drugs.com/breastfeeding/naltrexone.html' },
  { id: 'chan-2004', citation: 'Chan et al. 2004 (abstract): one breastfeeding woman; the abstract says 5 mg/day, LactMed 50 mg/day', url: 'http://47.251.13.51:8081/15296587' },
  { id: 'e-lactancia', citation: 'e-lactancia: naltrexone "compatible"; prefer alternatives in the neonatal period and prematurity', url: 'https://www.e-lactancia.org/breastfeeding/naltrexone-hydrochloride/product/' },
  { id: 'themeditary', citation: 'Patient summary (themeditary): hepatitis and withdrawal symptoms, breathing problems', url: 'https://themeditary.com/drug/naltrexone-injection-6974.html' },
  { id: 'ww-safety', citation: 'Naltrexone safety information (WeightWatchers copy of label wording): hepatitis, depression and suicidal thoughts', url: 'https://www.weightwatchers.com/us/safety-info/naltrexone' },
  { id: 'buzzrx', citation: 'BuzzRx summary: naltrexone warnings (breathing problems, allergic reaction, eosinophilic pneumonia)', url: 'https://buzzrx.com/naltrexone-hcl/warnings' },
  { id: 'jucm', citation: 'JUCM review: management of patients on low-dose naltrexone for urgent care providers', url: 'https://www.jucm.com/management-of-patients-on-low-dose-naltrexone-a-clinical-review-for-urgent-care-providers/' },
  { id: 'ldnrt-longcovid', citation: 'LDN Research Trust: can LDN help long COVID (trial stop after 6 months stable)', url: 'https://ldnresearchtrust.org/can-low-dose-naltrexone-ldn-help-%C2%A0-long-covid' },
  { id: 'leaflet-missed', citation: 'Older naltrexone patient leaflet (copy): missed dose', url: 'http://moravek.org/ovisnosti/0naltrexone1.htm' },
  { id: 'physicianspreferencerx', citation: 'Physicians Preference Rx leaflet: take when remembered unless within 6 h of the next dose; never double', url: 'https://physicianspreferencerx.com/drugs/naltrexone/' },
  { id: 'planner-policy', citation: 'LDN Workbench planner policy: a threshold chosen for the planner, not a clinical finding (shared/reference/planner.md §6)' },
];

export const SOURCES: ReadonlyMap<string, Source> = new Map(list.map((s) => [s.id, s]));

export interface SourceRef {
  source: string;
  level: EvidenceTag;
  /** what this source supports in this use, when it is only part of the rule */
  note?: string;
}

export function sourceOf(id: string): Source {
  const s = SOURCES.get(id);
  if (!s) throw new Error(`unknown source id ${id}`);
  return s;
}
