// The two seed pages as captured (/work/shared/seeds/000_cf777cc110e14a13.txt and 004_cb7677218387e1f1.txt),
// keyed by the Source.key the seed gives them, so tests can check that every quoted passage is on its page.
export const seedPages: Record<string, string> = {
  "nmu-international-organizations":
    "International Organization\n\n" +
    "Names of International Organizations\n\n" +
    " Founded by\n\n" +
    "Brief Introduction of the International Organizations\n\n" +
    "Entrance Time and Role of NMU\n\n" +
    "The Belt and Road Federation for Health Promotion\n\n" +
    "Nanjing Medical University\n\n" +
    "The exchange and cooperation in the field of medicine and healthcare is one of the powerful boosters " +
    "to link China and abroad and build a community of human destiny. According to Prof. Wang Changqing, " +
    "the President of the Belt and Road Federation for Health Promotion and Secretary of the Party " +
    "Committee of Nanjing Medical University, the members of the Federation will carry out health " +
    "education and health promotion research, promote research on important health issues and factors in " +
    "each of their countries, and find strategies and measures to improve people's health and quality of " +
    "life. They will take this opportunity to share resources and benefits, promote the " +
    "internationalization of research results, cultivate high-level medical talents and improve health " +
    "governance.\n\n" +
    "Nov 11, 2019, Founding Member\n\n" +
    "The Association of Sino-Russian Medical Universities\n\n" +
    "Harbin Medical University,the 1st Moscow State Medical University of the Russian Federation\n\n" +
    "The Association of Sino-Russian Medical Universities’ was proposed by Yang Baofeng, President of " +
    "Harbin Medical University and academician of Chinese Academy of Engineering, and initiated by Harbin " +
    "Medical University and the 1st Moscow State Medical University of the Russian Federation. It’s the " +
    "largest and most extensive cooperation alliance between Russian and Chinese universities, joined by " +
    "92 high level medical universities from China and Russia. It’s a non-governmental organization " +
    "voluntarily joined by the leading medical universities from  Russia and China, and it was created to " +
    "enhance the consensus endorsed by the state leaders of Russia and China, as stated in the Joint " +
    "Communiqué of the 18th Regular Meeting of the Prime Ministers of Russia and China, on strengthening " +
    "bilateral relations, increasing students mutual exchange and stepping up cooperation in the field of " +
    "medicine and health, medical care. It aims to pool the resources of key medical universities from " +
    "China and Russia, train high-quality talents, promote medical exchanges and scientific research " +
    "cooperation, accelerate applying new medical theories and technologies into disease prevention and " +
    "treatment, and continuously improve the standard of disease prevention, diagnosis, treatment and " +
    "rehabilitation.\n\n\n" +
    "The Belt and Road International Medical Education Alliance\n\n" +
    "China Medical University\n\n" +
    "BRIMEA is an international medical education alliance organization convened by China Medical " +
    "University and initiated by 15 national medical education institutions from China, Ukraine, " +
    "Kyrgyzstan, Estonia, Azerbaijan, Pakistan and the Philippines. Based on the principles of voluntary " +
    "membership, equality, cooperation and development, the BRIMEA will establish long-term mutually " +
    "beneficial cooperative relationships among members, fully share the resources, knowledge and " +
    "experience of alliance members, and cooperate in an interdisciplinary manner to carry out short-term " +
    "and long-term medical and healthcare personnel training, discipline construction, scientific and " +
    "technological innovation and social services. Members are also encouraged to establish long-term " +
    "strategic partnerships to improve the quality and reputation of education, training, scientific " +
    "research and social services, so as to achieve sustainable development of the alliance. Through a " +
    "series of activities, the BRIMEA members are promoted to actively cooperate and explore to solve new " +
    "problems and meet new needs arising in global healthcare education.\n\n" +
    "May 2018, Founding Member\n\n" +
    "International Collaboration Network of Medical Universities Jointly Built by Ministries and " +
    "Provinces (M9 Collaboration Network)\n\n" +
    "Chongqing Medical University\n\n" +
    "M9 Collaboration Network” was proposed by Chongqing Medical University and co-sponsored by Capital " +
    "Medical University, Tianjin Medical University, China Medical University, Harbin Medical University, " +
    "Nanjing Medical University, Wenzhou Medical University, Anhui Medical University and Southern " +
    "Medical University. It works to deepen international exchange and cooperation, cultivate medical " +
    "talents with global competitiveness and promote the innovative development of medical " +
    "education.\n\n" +
    "July 9, 2021, Founding Member\n\n" +
    "Eurasia-Pacific Uninet\n\n" +
    "the Austrian Federal Ministry for Science and Research, OeAD-GmbH\n\n" +
    "Eurasia-Pacific Uninet (EPU), an academic exchange system of universities and colleges, aims to " +
    "establish contacts and scientific cooperation between general universities, polytechnic institutes " +
    "and other research institutions in Europe and Asia, as well as among member institutions in East " +
    "Asia, Central Asia, South Asia and the Pacific. It has the support of the Bundesministerium fur " +
    "Wissenschaft und Forschung, the Austrian Federal Ministry for Science and Research and the " +
    "OeAD-GmbH. The EPU promotes multilateral scientific cooperation, connects research projects and " +
    "provides faculty and student with exchange activities. Since its establishment in year 2000, EPU has " +
    "successfully promoted multilateral scientific and technological cooperation and exchange among over " +
    "150 member institutions from many countries, including Austria, China, Mongolia, Korea, North Korea, " +
    "Russia, Kazakhstan, Nepal, Bhutan and India. Now, being the largest and principal academic network " +
    "alliance in Europe, EPU has greatly facilitated the research exchange activities among member " +
    "institutions through jointly organizing research centers, seminars, conferences, collaborative " +
    "research grant programs for professors, doctoral and post-doctoral student exchange programs to " +
    "Austria, along with summer schools and other forms.\n\n" +
    "October 2009, Member\n\n" +
    "South and Southeast Asia Medical Education and Service Alliance\n\n" +
    "Shanghai Jiao Tong University School of Medicine, Kunming Medical University\n\n" +
    "In order to actively dock into and service the construction China’s “Belt and Road Initiative”, " +
    "Yunnan-South Asia- ASEAN cooperation corridor, promoting exchanges among medical schools and " +
    "healthcare institutions in China and ASEAN countries, building a multilateral cooperation platform " +
    "in the region. Jointly founded by the Kunming Medical University and Shanghai Jiaotong University " +
    "School of Medicine, the “South and Southeast Asia Medical Education and Service Alliance” was well " +
    "received by the universities and medical institutions in the related regions. Being the first " +
    "regional international cooperation platform that organically integrating medical education with " +
    "healthcare cooperation in China, the alliance will make great contributions to improve the quality " +
    "of regional higher medical education and healthcare service.",
  "cuhk-belt-and-road":
    "Belt and Road\n\n" +
    "CUHK’s Participation\n\n" +
    "Alliance of International Science Organizations (ANSO)\n\n\n" +
    "Initiated by the Chinese Academy of Sciences (CAS), the Alliance of International Science " +
    "Organizations (ANSO) in the Belt and Road Region was officially formed in November 2018, and CUHK " +
    "was the only institution from Hong Kong to join the Alliance with another 35 founding " +
    "members.\n\n" +
    "The ANSO is an international, non-profit and non-governmental scientific organization that aims to " +
    "identify and address common issues in the Belt and Road Region to tackle world scientific " +
    "challenges. It organizes international conferences, workshops and forums for promoting academic " +
    "communication, and addressing issues like climatic change, eco-environmental protection, food and " +
    "water security, health and infectious diseases, prevention and mitigation of disasters, and other " +
    "important science and technology areas, as well as technology transfer.\n\n" +
    "MOU between CUHK and Ningxia Medical University\n\n\n" +
    "CUHK signed a Memorandum of Understanding (MOU) with Ningxia Medical University, China in August " +
    "2019 on strengthening academic collaboration and exchange in education and research on biomedical " +
    "science and integrative medicine. It is hoped that both academic and research collaborations, " +
    "including the application of Chinese medicine in the areas of regenerative medicine, neuroscience " +
    "and reproductive medicine, could be facilitated.\n\n\n" +
    "Under the MOU, CUHK has been organized an annual “Belt and Road & Greater Bay Area Chinese Medicine " +
    "Training Programme” since the summer of 2019. The one-week programme targeted at participants from " +
    "local and mainland in Chinese medicine specialization. The programme aims to bolster sharing and " +
    "exchanges among participants in both basic and clinical Chinese medicine, enhance basic research and " +
    "clinical application of Chinese medicine, and to promote the continuing development of Chinese " +
    "medicine by expanding the research network of participating scholars.\n\n" +
    "Pan-Asian Biomedical Science Consortium (PABSC)\n\n\n" +
    "CUHK joined the ASIA-International Biomedical Science Consortium (the Consortium) in 2012. In " +
    "December 2018, the Consortium was renamed as the Pan-Asian Biomedical Science Consortium (PABSC), " +
    "with its memberships expanded from 11 to 18 tertiary and research institutes from China, Hong Kong, " +
    "Thailand, Malaysia, the Philippines and Vietnam.\n\n\n" +
    "The mission of the consortium is to promote research and academic collaborations in the area of " +
    "biomedical sciences in Southeast Asia. The President of PABSC is elected biennially from one of the " +
    "participating institutions, and the new President is in charge of organizing the Biennial PABSC " +
    "Conference.\n\n" +
    "University Alliance of Belt and Road (UABR)\n\n\n" +
    "The University joined the University Alliance of Belt and Road (UABR) in 2016 with an aim to explore " +
    "the latest transnational talents nurturing mechanism, and to train talents with global view. UABR " +
    "was first established in October 2015 by 47 institutes from 8 countries, and currently consists of " +
    "126 member universities.\n\n" +
    "University Alliance of the Silk Road (UASR)\n\n\n" +
    "Established in 2015 by Xi’an Jiaotong University, China, the University Alliance of the Silk " +
    "Road (UASR) is a non-governmental and non-profit organization aimed at openness and international " +
    "cooperation in higher education. By building collaborative platforms in higher education, the UASR " +
    "advances institutional exchanges and partnerships on the Sild Road routes in terms of talent " +
    "education, scientific research, cultural dissemination, policy studies, and medical service " +
    "etc.\n\n\n" +
    "CUHK joined the UASR in 2016 and now, the Alliance attracted members of over 150 universities from " +
    "38 countries and regions.",
};

/** Whitespace-insensitive: the pages wrap and double-space where the quotes do not. */
export function onPage(sourceKey: string, passage: string): boolean {
  const page = seedPages[sourceKey];
  if (page === undefined) throw new Error(`No seed page for source "${sourceKey}"`);
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  return norm(page).includes(norm(passage));
}
