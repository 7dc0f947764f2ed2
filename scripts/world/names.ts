// Names for the synthetic world, in several languages and scripts: made-up place names built from
// syllables, in the patterns real institutions and organizations use.
import type { Random } from "./random.ts";

const latin = [
  "ka",
  "lo",
  "ri",
  "ma",
  "ne",
  "sa",
  "to",
  "vi",
  "bel",
  "dor",
  "an",
  "mer",
  "tal",
  "ven",
  "gra",
  "sil",
  "mon",
  "par",
  "rin",
  "cas",
  "hal",
  "ost",
  "bru",
  "lin",
  "fen",
  "ar",
  "um",
  "ber",
  "zan",
  "qui",
];
const accented = ["é", "ü", "ö", "ñ", "ç", "á", "ø", "å"];
const han = [
  "南",
  "京",
  "北",
  "华",
  "东",
  "西",
  "中",
  "山",
  "海",
  "江",
  "河",
  "湖",
  "天",
  "安",
  "长",
  "春",
  "广",
  "州",
  "深",
  "圳",
  "成",
  "都",
  "杭",
  "苏",
  "宁",
  "夏",
  "云",
  "贵",
  "福",
  "建",
];
const kana = ["さ", "く", "ら", "や", "ま", "か", "わ", "な", "た", "こ", "お", "み", "し", "ほ", "つ"];
const hangul = ["서", "울", "부", "산", "대", "구", "광", "주", "인", "천", "전", "강", "원", "제", "경"];
const cyrillic = ["мо", "ска", "ни", "жний", "ка", "зань", "том", "ск", "ом", "ур", "ал", "во", "ро", "неж", "пер"];
const arabic = ["ال", "قا", "هر", "ة", "بغ", "دا", "د", "رب", "اط", "عم", "ان", "دم", "شق", "تو", "نس"];

export type Lang = "en" | "zh" | "ja" | "ko" | "ru" | "ar" | "fr" | "de" | "es" | "pt";

function word(r: Random, syllables: readonly string[], min: number, max: number) {
  let w = "";
  for (let i = r.int(min, max); i > 0; i--) w += r.pick(syllables);
  return w;
}

/** A made-up place: its English spelling and its spelling in the local script. */
export function place(r: Random, lang: Lang): { en: string; local: string } {
  const base = word(r, latin, 2, 3);
  const en = base[0]!.toUpperCase() + base.slice(1);
  switch (lang) {
    case "zh":
      return { en, local: word(r, han, 2, 2) };
    case "ja":
      return { en, local: word(r, kana, 2, 4) };
    case "ko":
      return { en, local: word(r, hangul, 2, 2) };
    case "ru":
      return {
        en,
        local: (() => {
          const w = word(r, cyrillic, 2, 3);
          return w[0]!.toUpperCase() + w.slice(1);
        })(),
      };
    case "ar":
      return { en, local: word(r, arabic, 2, 3) };
    case "fr":
    case "de":
    case "es":
    case "pt": {
      // Latin-script languages keep the place, sometimes with a diacritic, as real names do.
      const i = r.int(1, en.length - 1);
      return { en, local: r.chance(0.4) ? en.slice(0, i) + r.pick(accented) + en.slice(i) : en };
    }
    default:
      return { en, local: en };
  }
}

export const INSTITUTION_KINDS = [
  ["UNIVERSITY", 55],
  ["RESEARCH_INSTITUTE", 18],
  ["HOSPITAL", 9],
  ["SCHOOL", 7],
  ["ACADEMY", 4],
  ["AGENCY", 3],
  ["MINISTRY", 1],
  ["OTHER", 3],
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number][0];

const institutionEn: Record<InstitutionKind, ((p: string) => string)[]> = {
  UNIVERSITY: [
    (p) => `University of ${p}`,
    (p) => `${p} University`,
    (p) => `${p} Medical University`,
    (p) => `${p} University of Technology`,
    (p) => `National ${p} University`,
    (p) => `${p} Normal University`,
  ],
  RESEARCH_INSTITUTE: [
    (p) => `${p} Institute for Advanced Study`,
    (p) => `${p} Research Institute`,
    (p) => `${p} Institute of Health Sciences`,
  ],
  HOSPITAL: [(p) => `${p} General Hospital`, (p) => `${p} University Hospital`, (p) => `${p} Children's Hospital`],
  SCHOOL: [(p) => `${p} School of Medicine`, (p) => `${p} College`, (p) => `${p} School of Public Health`],
  ACADEMY: [(p) => `${p} Academy of Sciences`, (p) => `${p} Academy of Medical Sciences`],
  AGENCY: [(p) => `${p} Agency for Research Funding`, (p) => `${p} Council for Higher Education`],
  MINISTRY: [(p) => `Ministry of Education of ${p}`, (p) => `Ministry of Health of ${p}`],
  OTHER: [(p) => `${p} Foundation`, (p) => `${p} Science Park`],
};

const localPattern: Record<Exclude<Lang, "en">, (p: string, kind: InstitutionKind) => string> = {
  zh: (p, k) =>
    p +
    (
      {
        UNIVERSITY: "大学",
        RESEARCH_INSTITUTE: "研究所",
        HOSPITAL: "医院",
        SCHOOL: "学院",
        ACADEMY: "科学院",
        AGENCY: "基金委员会",
        MINISTRY: "教育部",
        OTHER: "基金会",
      } as const
    )[k],
  ja: (p, k) =>
    p +
    (
      {
        UNIVERSITY: "大学",
        RESEARCH_INSTITUTE: "研究所",
        HOSPITAL: "病院",
        SCHOOL: "学校",
        ACADEMY: "学士院",
        AGENCY: "振興会",
        MINISTRY: "文部科学省",
        OTHER: "財団",
      } as const
    )[k],
  ko: (p, k) =>
    p +
    (
      {
        UNIVERSITY: "대학교",
        RESEARCH_INSTITUTE: "연구소",
        HOSPITAL: "병원",
        SCHOOL: "학교",
        ACADEMY: "학술원",
        AGENCY: "재단",
        MINISTRY: "교육부",
        OTHER: "재단",
      } as const
    )[k],
  ru: (p, k) =>
    (
      ({
        UNIVERSITY: `${p} государственный университет`,
        RESEARCH_INSTITUTE: `${p} научно-исследовательский институт`,
        HOSPITAL: `${p} клиническая больница`,
        SCHOOL: `${p} медицинская школа`,
        ACADEMY: `${p} академия наук`,
        AGENCY: `${p} научный фонд`,
        MINISTRY: `Министерство образования ${p}`,
        OTHER: `Фонд ${p}`,
      }) as const
    )[k],
  ar: (p, k) =>
    (
      ({
        UNIVERSITY: `جامعة ${p}`,
        RESEARCH_INSTITUTE: `معهد ${p} للبحوث`,
        HOSPITAL: `مستشفى ${p}`,
        SCHOOL: `كلية ${p}`,
        ACADEMY: `أكاديمية ${p} للعلوم`,
        AGENCY: `وكالة ${p}`,
        MINISTRY: `وزارة التعليم ${p}`,
        OTHER: `مؤسسة ${p}`,
      }) as const
    )[k],
  fr: (p, k) =>
    (
      ({
        UNIVERSITY: `Université de ${p}`,
        RESEARCH_INSTITUTE: `Institut de recherche de ${p}`,
        HOSPITAL: `Hôpital universitaire de ${p}`,
        SCHOOL: `École de médecine de ${p}`,
        ACADEMY: `Académie des sciences de ${p}`,
        AGENCY: `Agence de ${p}`,
        MINISTRY: `Ministère de l'Éducation de ${p}`,
        OTHER: `Fondation ${p}`,
      }) as const
    )[k],
  de: (p, k) =>
    (
      ({
        UNIVERSITY: `Universität ${p}`,
        RESEARCH_INSTITUTE: `Forschungsinstitut ${p}`,
        HOSPITAL: `Universitätsklinikum ${p}`,
        SCHOOL: `Hochschule ${p}`,
        ACADEMY: `Akademie der Wissenschaften ${p}`,
        AGENCY: `Förderagentur ${p}`,
        MINISTRY: `Bildungsministerium ${p}`,
        OTHER: `Stiftung ${p}`,
      }) as const
    )[k],
  es: (p, k) =>
    (
      ({
        UNIVERSITY: `Universidad de ${p}`,
        RESEARCH_INSTITUTE: `Instituto de Investigación de ${p}`,
        HOSPITAL: `Hospital Universitario de ${p}`,
        SCHOOL: `Escuela de Medicina de ${p}`,
        ACADEMY: `Academia de Ciencias de ${p}`,
        AGENCY: `Agencia de ${p}`,
        MINISTRY: `Ministerio de Educación de ${p}`,
        OTHER: `Fundación ${p}`,
      }) as const
    )[k],
  pt: (p, k) =>
    (
      ({
        UNIVERSITY: `Universidade de ${p}`,
        RESEARCH_INSTITUTE: `Instituto de Pesquisa de ${p}`,
        HOSPITAL: `Hospital Universitário de ${p}`,
        SCHOOL: `Escola de Medicina de ${p}`,
        ACADEMY: `Academia de Ciências de ${p}`,
        AGENCY: `Agência de ${p}`,
        MINISTRY: `Ministério da Educação de ${p}`,
        OTHER: `Fundação ${p}`,
      }) as const
    )[k],
};

/** An institution's names: English always, plus the local-language name where it differs. */
export function institutionNames(r: Random, kind: InstitutionKind, lang: Lang): { locale: string; name: string }[] {
  const p = place(r, lang);
  const en = r.pick(institutionEn[kind])(p.en);
  if (lang === "en") return [{ locale: "en", name: en }];
  return [
    { locale: "en", name: en },
    { locale: lang, name: localPattern[lang](p.local, kind) },
  ];
}

export const ORGANIZATION_KINDS = [
  ["NETWORK", 28],
  ["ASSOCIATION", 26],
  ["ALLIANCE", 14],
  ["CONSORTIUM", 12],
  ["FEDERATION", 8],
  ["AGREEMENT", 7],
  ["PROGRAMME", 5],
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number][0];

const regions = [
  ["International", "国际", "Internationale"],
  ["Asia-Pacific", "亚太", "Asie-Pacifique"],
  ["European", "欧洲", "Européenne"],
  ["African", "非洲", "Africaine"],
  ["Latin American", "拉丁美洲", "Latino-américaine"],
  ["Arab", "阿拉伯", "Arabe"],
  ["Nordic", "北欧", "Nordique"],
  ["Baltic", "波罗的海", "Balte"],
  ["Mediterranean", "地中海", "Méditerranéenne"],
  ["Silk Road", "丝绸之路", "Route de la soie"],
  ["Pan-American", "泛美", "Panaméricaine"],
  ["Global", "全球", "Mondiale"],
  ["Belt and Road", "一带一路", "Ceinture et route"],
  ["Pacific Rim", "环太平洋", "Ceinture du Pacifique"],
  ["Commonwealth", "英联邦", "du Commonwealth"],
  ["Francophone", "法语国家", "Francophone"],
] as const;
const topics = [
  ["Medical Universities", "医科大学"],
  ["Public Health", "公共卫生"],
  ["Engineering Education", "工程教育"],
  ["Sustainable Development", "可持续发展"],
  ["Nursing Schools", "护理学院"],
  ["Research Universities", "研究型大学"],
  ["Traditional Medicine", "传统医学"],
  ["Marine Sciences", "海洋科学"],
  ["Agricultural Universities", "农业大学"],
  ["Digital Health", "数字健康"],
  ["Climate Research", "气候研究"],
  ["Teacher Education", "教师教育"],
  ["Biomedical Sciences", "生物医学"],
  ["Pharmacy Education", "药学教育"],
  ["Technical Universities", "理工大学"],
  ["Higher Education Quality", "高等教育质量"],
  ["Open Science", "开放科学"],
  ["Student Mobility", "学生流动"],
  ["Rare Diseases", "罕见病"],
  ["Water Resources", "水资源"],
] as const;
const kindWords: Record<OrganizationKind, [string, string]> = {
  NETWORK: ["Network", "网络"],
  ASSOCIATION: ["Association", "协会"],
  ALLIANCE: ["Alliance", "联盟"],
  CONSORTIUM: ["Consortium", "联合体"],
  FEDERATION: ["Federation", "联合会"],
  AGREEMENT: ["Memorandum of Understanding", "合作备忘录"],
  PROGRAMME: ["Exchange Programme", "交流项目"],
};
const fieldsByTopic = [
  "MEDICINE",
  "HEALTH",
  "TECHNOLOGY",
  "ENVIRONMENT",
  "HEALTH",
  "HIGHER_EDUCATION",
  "CHINESE_MEDICINE",
  "SCIENCE",
  "SCIENCE",
  "HEALTH",
  "ENVIRONMENT",
  "EDUCATION",
  "BIOMEDICAL_SCIENCE",
  "MEDICINE",
  "TECHNOLOGY",
  "HIGHER_EDUCATION",
  "SCIENCE",
  "EDUCATION",
  "MEDICINE",
  "ENVIRONMENT",
] as const;

export type OrganizationNames = {
  en: string;
  zh: string;
  fr: string | null;
  acronym: string;
  field: (typeof fieldsByTopic)[number];
  topic: string;
};

/** An organization's English, Chinese and (sometimes) French names and its acronym. */
export function organizationNames(r: Random, kind: OrganizationKind): OrganizationNames {
  const region = r.pick(regions);
  const t = r.int(0, topics.length - 1);
  const topic = topics[t]!;
  const [kindEn, kindZh] = kindWords[kind];
  const style = r.int(0, 2);
  const p = style === 2 ? place(r, "en").en : null;
  const en =
    style === 0
      ? `${region[0]} ${kindEn} of ${topic[0]}`
      : style === 1
        ? `${region[0]} ${topic[0]} ${kindEn}`
        : `${p}–${region[0]} ${kindEn} for ${topic[0]}`;
  const zh = `${p ? `${p}·` : ""}${region[1]}${topic[1]}${kindZh}`;
  const fr = r.chance(0.25) ? `${kindEn === "Network" ? "Réseau" : kindEn} ${region[2]} — ${topic[0]}` : null;
  const acronym = en
    .split(/[\s–-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join("");
  return { en, zh, fr, acronym, field: fieldsByTopic[t]!, topic: topic[0] };
}

export const COUNTRIES: readonly (readonly [string, Lang, number])[] = [
  ["US", "en", 40],
  ["CN", "zh", 38],
  ["JP", "ja", 14],
  ["DE", "de", 12],
  ["GB", "en", 12],
  ["FR", "fr", 11],
  ["IN", "en", 11],
  ["KR", "ko", 8],
  ["RU", "ru", 8],
  ["BR", "pt", 8],
  ["IT", "en", 7],
  ["ES", "es", 7],
  ["CA", "en", 6],
  ["AU", "en", 6],
  ["MX", "es", 5],
  ["TR", "en", 5],
  ["IR", "en", 4],
  ["EG", "ar", 4],
  ["SA", "ar", 3],
  ["PL", "en", 4],
  ["NL", "en", 3],
  ["SE", "en", 3],
  ["CH", "de", 3],
  ["BE", "fr", 3],
  ["AR", "es", 3],
  ["CO", "es", 3],
  ["CL", "es", 2],
  ["PE", "es", 2],
  ["PT", "pt", 2],
  ["AT", "de", 2],
  ["HK", "zh", 2],
  ["TW", "zh", 3],
  ["MO", "zh", 1],
  ["SG", "en", 2],
  ["MY", "en", 2],
  ["TH", "en", 2],
  ["VN", "en", 2],
  ["ID", "en", 3],
  ["PH", "en", 2],
  ["PK", "en", 3],
  ["BD", "en", 2],
  ["NG", "en", 3],
  ["KE", "en", 2],
  ["ZA", "en", 2],
  ["GH", "en", 1],
  ["ET", "en", 1],
  ["MA", "ar", 1],
  ["DZ", "ar", 1],
  ["TN", "ar", 1],
  ["JO", "ar", 1],
  ["AE", "ar", 1],
  ["IQ", "ar", 1],
  ["KZ", "ru", 1],
  ["UA", "ru", 2],
  ["BY", "ru", 1],
  ["UZ", "ru", 1],
  ["NZ", "en", 1],
  ["IE", "en", 1],
  ["DK", "en", 1],
  ["NO", "en", 1],
  ["FI", "en", 1],
  ["CZ", "en", 1],
  ["HU", "en", 1],
  ["GR", "en", 1],
  ["RO", "en", 1],
  ["IL", "en", 1],
  ["CU", "es", 1],
  ["VE", "es", 1],
  ["EC", "es", 1],
  ["SN", "fr", 1],
  ["CI", "fr", 1],
  ["CM", "fr", 1],
];
