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
  { id: 'seed-review', citation: 'Holianovskyi OV, Andriienko OO, Furman OV, Boyle F. Prospects of low-dose naltrexone in autoimmune pathology and endometriosis (the review this product is built from; ../shared/seed/)' },
  { id: 'calibration', citation: 'Fitted by `ldn calibrate` to the targets listed in its report (packages/engine/src/models/ldn/calibration.json)' },
  { id: 'modelling', citation: 'Modelling assumption of LDN Workbench; stated with a plausible range to vary in sensitivity analysis' },
];

export const SOURCES: Readonly<Record<string, Source>> = Object.freeze(Object.fromEntries(list.map((s) => [s.id, s])));
