// The literature behind the engine's parameters and calibration targets. Citations, DOIs, PMIDs
// and URLs as given in ../../shared/reference/pharmacology.md §10 (the reference key); the same ids
// are used by the evidence base so that a parameter's source and a study record can be linked.

export interface Source {
  readonly id: string;
  readonly citation: string;
  readonly doi?: string;
  readonly pmid?: string;
  readonly url?: string;
}

const list: Source[] = [
  { id: 'fda-label', citation: 'FDA naltrexone hydrochloride tablet label (openFDA), Clinical Pharmacology', url: 'https://api.fda.gov/drug/label.json?search=openfda.generic_name%3A%22Naltrexone+Hydrochloride%22' },
  { id: 'swiss-label', citation: 'Swiss Fachinformation naltrexone (reg. 56109), Pharmacokinetics', url: 'https://generika.cc/dt/generika/fachinfo/reg/56109/chapter/kinetic' },
  { id: 'meyer1984', citation: 'Meyer MC et al. Bioequivalence, dose-proportionality, and pharmacokinetics of naltrexone after oral administration. J Clin Psychiatry 1984;45(9 Pt 2):15–19', url: 'https://scilit.com/publications/5dbdd999582f6f70c405c410cc89aeb8' },
  { id: 'licko1981', citation: 'Licko V. Overview of human pharmacokinetics of naltrexone. NIDA Res Monogr 1981;28:161–171', url: 'https://www.rti.org/publication/overview-human-pharmacokinetics-naltrexone' },
  { id: 'wall1981', citation: 'Wall ME et al. Drug Metab Dispos 1981;9(4):369–375', url: 'https://scilit.com/publications/d7ab6069033bb657831c5c98597675db' },
  { id: 'verebey1976', citation: 'Verebey K et al. Naltrexone: disposition, metabolism, and effects after acute and chronic dosing. Clin Pharmacol Ther 1976;20:315 (values via github indand21/fibromyalgia_LDN data/training/pk_summary.csv)', pmid: '954353' },
  { id: 'cone1974', citation: 'Cone EJ, Gorodetzky CW, Yeh SY. The urinary excretion profile of naltrexone and metabolites in man. Drug Metab Dispos 1974;2(6):506–512', url: 'https://jhu.pure.elsevier.com/en/publications/the-urinary-excretion-profile-of-naltrexone-and-metabolites-in-ma-4' },
  { id: 'dunbar2007', citation: 'Dunbar JL et al. Single- and multiple-dose pharmacokinetics of long-acting injectable naltrexone. J Stud Alcohol Drugs 2007;68(6):862–870', pmid: '17960304', url: 'https://read.qxmd.com/read/17960304' },
  { id: 'breyer-pfaff2004', citation: 'Breyer-Pfaff U, Nill K. Carbonyl reduction of naltrexone and dolasetron by oxidoreductases isolated from human liver cytosol. J Pharm Pharmacol 2004;56(12):1601–1606', doi: '10.1211/0022357045020' },
  { id: 'yancey-wrona2009', citation: '6beta-naltrexol preferentially antagonizes opioid effects on gastrointestinal transit compared to antinociception in mice. Life Sci 2009;85:413–420', doi: '10.1016/j.lfs.2009.06.016' },
  { id: 'yancey-wrona2011', citation: 'Yancey-Wrona J et al. 6β-naltrexol, a peripherally selective opioid antagonist that inhibits morphine-induced slowing of gastrointestinal transit. Pain Med 2011;12(12):1727–1737', doi: '10.1111/j.1526-4637.2011.01279.x' },
  { id: 'wentland2009', citation: 'Wentland MP et al. Bioorg Med Chem Lett 2009, Table 1 compound 3 (via indand21/fibromyalgia_LDN)', doi: '10.1016/j.bmcl.2009.02.078' },
  { id: 'pelotte2009', citation: 'Pelotte AL et al. Bioorg Med Chem Lett 2009 (via indand21/fibromyalgia_LDN)', doi: '10.1016/j.bmcl.2009.03.095' },
  { id: 'cassel2005', citation: 'Cassel JA et al. Eur J Pharmacol 2005, Tables 1–2 (via indand21/fibromyalgia_LDN)', doi: '10.1016/j.ejphar.2005.08.008' },
  { id: 'rabiner2011', citation: 'Rabiner EA et al. Pharmacological differentiation of opioid receptor antagonists by molecular and functional imaging of target occupancy and food reward-related brain activation in humans. Mol Psychiatry 2011;16(8):826–835 (dose–occupancy points as tabulated in Trøstheim 2022 Table 1)', doi: '10.1038/mp.2011.29' },
  { id: 'lee1988', citation: 'Lee MC et al. Duration of occupancy of opiate receptors by naltrexone. J Nucl Med 1988;29(7):1207–1211, Table 2 (values via indand21 data/test/pet_occupancy.csv)', pmid: '2839637', url: 'https://pure.johnshopkins.edu/en/publications/duration-of-occupancy-of-opiate-receptors-by-naltrexone-3' },
  { id: 'trostheim2022', citation: 'Trøstheim M, Eikemo M, Haaker J, Frost JJ, Leknes S. Opioid antagonism in humans: a primer on optimal dose and timing for central mu-opioid receptor blockade. Neuropsychopharmacology 2023;48(2):299–307', doi: '10.1038/s41386-022-01416-z', url: 'https://preview-www.nature.com/articles/s41386-022-01416-z/tables/1' },
  { id: 'weerts2008', citation: 'Weerts EM et al. Differences in δ- and μ-opioid receptor blockade measured by PET in naltrexone-treated recently abstinent alcohol-dependent subjects. Neuropsychopharmacology 2008;33:653–665', doi: '10.1038/sj.npp.1301440' },
  { id: 'foley1979', citation: 'Foley KM et al. β-Endorphin: analgesic and hormonal effects in humans. PNAS 1979;76(10):5377–5381', doi: '10.1073/pnas.76.10.5377', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC413146' },
  { id: 'reid1981', citation: 'Effects of exogenous βh-endorphin on pituitary hormone secretion and its disappearance rate in normal human subjects (usually cited as Reid et al. 1981, J Clin Endocrinol Metab)', url: 'https://scilit.net/publications/84131279a917def22e5e7232994adb76' },
  { id: 'iranmanesh1989', citation: 'Circadian, ultradian, and episodic release of beta-endorphin in men, and its temporal coupling with cortisol. J Clin Endocrinol Metab 1989;68(6):1019–1026 (cited as Iranmanesh 1989)', pmid: '2524500', url: 'https://www.ncbi.nlm.nih.gov/pubmed/2524500' },
  { id: 'dent1981', citation: 'Diurnal rhythm of plasma immunoreactive β-endorphin and its relationship to sleep stages and plasma rhythms of cortisol and prolactin (usually cited as Dent et al. 1981, J Clin Endocrinol Metab)', url: 'https://scilit.net/publications/66b4a68f3b07b8c626681655f5cd1d61' },
  { id: 'dewet1992', citation: 'de Wet EH, Oosthuizen JMC. SATNT 1992;11(1)', doi: '10.4102/satnt.v11i1.516' },
  { id: 'metenk-rhythm1981', citation: 'Plasma Met-enkephalin shows no circadian rhythm. Brain Res 1981;212(2):403–409', doi: '10.1016/0006-8993(81)90472-8' },
  { id: 'lifesci1986', citation: 'Chronic naltrexone and plasma β-endorphin in ex-opiate addicts: AM 19.5 vs 12.1 pg/mL in controls. Life Sci 1986;39:55–59', pmid: '2941636', url: 'https://ncbi.nlm.nih.gov/pubmed/?term=2941636' },
  { id: 'eneuro2021', citation: 'Low-dose naltrexone in mice: no change in plasma β-endorphin, Pomc mRNA or POMC neuron firing. eNeuro 2021;8(3):ENEURO.0548-20.2021', pmid: '34031099', url: 'https://scicrunch.org/scicrunch/34031099' },
  { id: 'receptor-upregulation2003', citation: 'Receptor-selective changes in μ-, δ- and κ-opioid receptors after chronic naltrexone treatment in mice (2003): MOR +80 %, DOR +39 %', url: 'https://insights.ovid.com/article/00009274-200317050-00009' },
  { id: 'bihari1996', citation: 'Bihari B. Low dose naltrexone in the treatment of HIV infection (1996 web summary; not peer-reviewed)', url: 'http://ldninfo.org/ldn_hiv_1996.html' },
  { id: 'wang2016', citation: 'Wang X et al. Pharmacological characterization of the opioid inactive isomers (+)-naltrexone and (+)-naloxone as antagonists of toll-like receptor 4. Br J Pharmacol 2016;173(5):856–869', doi: '10.1111/bph.13394', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4761092' },
  { id: 'selfridge2015', citation: 'Selfridge BR et al. J Med Chem 2015, Table 1 (via indand21/fibromyalgia_LDN)', doi: '10.1021/acs.jmedchem.5b00426' },
  { id: 'cant2017', citation: 'Naltrexone inhibits IL-6 and TNFα production in human immune cell subsets following stimulation with ligands for intracellular toll-like receptors (usually cited as Cant et al. 2017)', url: 'https://discovery.researcher.life/article/naltrexone-inhibits-il-6-and-tnf-production-in-human-immune-cell-subsets-following-stimulation-with-ligands-for-intracellular-toll-like-receptors/a7de5c83cd7c35d5a7c37b538596cec9' },
  { id: 'parkitny2017', citation: 'Parkitny L, Younger J. Reduced pro-inflammatory cytokines after eight weeks of low-dose naltrexone for fibromyalgia. Biomedicines 2017;5(2):16, Table 2 (via indand21)', doi: '10.3390/biomedicines5020016' },
  { id: 'cytokine-halflives', citation: 'Cytokine half-lives: TNF-α ≈20 min (Selby 1987); IL-6 4.2 h (Weber 1993); as compiled in indand21/fibromyalgia_LDN params/cytokine_params.csv' },
  { id: 'zagon1983', citation: 'Zagon IS, McLaughlin PJ. Naltrexone modulates tumor response in mice with neuroblastoma. Science 1983;221(4611):671–673', doi: '10.1126/science.6867737' },
  { id: 'zagon1984', citation: 'Zagon IS, McLaughlin PJ. Duration of opiate receptor blockade determines tumorigenic response in mice with neuroblastoma. Life Sci 1984;35(4):409–416', doi: '10.1016/0024-3205(84)90651-9' },
  { id: 'zagon1987', citation: 'Zagon IS, McLaughlin PJ. J Natl Cancer Inst 1987;78(1):141–147 (nude mice, 6–8 h/day blockade)' },
  { id: 'zagon1989', citation: 'Zagon IS et al. Characterization of zeta (ζ), a new opioid receptor involved in growth. Brain Res 1989', url: 'https://pure.psu.edu/en/publications/characterization-of-zeta-ζ-a-new-opioid-receptor-involved-in-grow' },
  { id: 'mccaul2000', citation: 'McCaul ME, Wand GS, Stauffer R, Lee SM, Rohde CA. Naltrexone dampens ethanol-induced cardiovascular and HPA axis activation. Alcohol Clin Exp Res 2000;24(4):480–487 (abstract: serum 6β-naltrexol doubled from 50 to 100 mg/day with a 4-fold between-subject range at each dose; 23 heavy drinkers)', url: 'https://acnpsearch.tweb-dev.unibo.it/singlejournalindex/75478705' },
  { id: 'seed-review', citation: 'Holianovskyi OV, Andriienko OO, Furman OV, Boyle F. Prospects of low-dose naltrexone in autoimmune pathology and endometriosis (the review this product is built from; ../shared/seed/)' },
  { id: 'calibration', citation: 'Fitted by `ldn calibrate` to the targets listed in its report (packages/engine/src/models/ldn/calibration.json)' },
  { id: 'modelling', citation: 'Modelling assumption of LDN Workbench; stated with a plausible range to vary in sensitivity analysis' },
];

export const SOURCES: Readonly<Record<string, Source>> = Object.freeze(Object.fromEntries(list.map((s) => [s.id, s])));
