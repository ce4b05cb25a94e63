import type { Item, ItemKind, Level, Material, OnlineLevel, Handling, Fee } from './item.ts';

/**
 * The demo catalog: every item of 罗山县's list (seed 004, 罗山县乡村便民服务标准化建设实施方案,
 * 三(二)1 服务事项 1.1–1.12), under its category, with stable codes LS-<category>-<n>. The seed
 * gives only names: every other detail is a plausible example, flagged `demo: true` so the guide
 * shows 示例. The excerpt is kept verbatim (a unit test compares it with the seed file).
 */
export const SEED_EXCERPT = `1.1  户籍管理:居民户口簿遗失补发,居民身份证核发,临时居民身份证核发,居住证核发,入伍注销户口,退役军人入户,亲属投靠落户,新生儿出生登记,户籍分户、立户,大中专院校录取学生户籍迁出(入),大中专院校毕业生户籍迁入(出),变更姓名,变更户主或与户主关系,变更文化程度、婚姻状况,更正出生日期,变更性别,户口县内迁移,准迁证补发,迁移证补发,死亡户口注销,失踪户口注销,其他情况入户销户变更等。

1.2  人口和生育服务:一孩生育登记,二孩生育登记,三孩生育证审批初审,独生子女奖励费发放,独生子女和双女户60岁以上父母奖励扶助、60岁以上失独人员扶助,独生子女伤残救助,独生子女死亡救助,老年优待证核发,新农合、新农保减免等。

1.3  社会保障:城乡最低生活保障对象认定,特困人员认定,贫困学生助学申请初审,临时救助,老年人福利补贴,留守儿童服务,孤儿认定,残疾证办理,残疾人职业技术培训,重度残疾人护理补贴,困难残疾人生活补贴等。

1.4  劳动保障:企业用工需求服务,就(失)业登记,贫困劳动力一次性创业补贴初审等。

1.5  养老保障:城乡居民养老保险参保登记,城乡居民养老保险参保缴费,城乡居民养老保险参保信息查询,城乡居民养老保险待遇核定,城乡居民养老保险基本信息变更登记,城乡居民养老保险参保关系终止等。

1.6  医疗保障:城乡居民医疗保险参保登记,城乡居民医疗保险参保缴费,城乡居民医疗保险参保信息查询,医疗救助金给付等。

1.7  脱贫帮扶:建档立卡贫困学生雨露计划教育资金审核,贫困户耕地补差,贫困户农业保险,贫困户跨省务工补助,雨露计划短期技能培训等。

1.8  农业农村管理和服务:种粮补贴发放,土地流转服务,

农业技术咨询,土地纠纷调解等。

1.9  乡村建设管理和服务:农村村民住宅用地审核,乡村建设规划许可证核发,危房改造申请等。

1.10  营商管理和服务:个体工商户登记,食品经营许可,食品小经营店登记,食品小摊点备案等。

1.11  服役退役服务:应征公民兵役登记,兵役登记报名线下确认,应征入伍初审,组织应征公民政审、体检,义务兵家庭优待金给付等。

1.12  党务管理服务:党(团)组织关系转移等。`;

export interface SeedCategory {
  /** 1 for 1.1 … 12 for 1.12. */
  index: number;
  name: string;
  items: string[];
}

/** `1.8  农业农村管理和服务:种粮补贴发放,…,土地纠纷调解等。` → category + item names (lines may wrap). */
export const parseSeedList = (text: string): SeedCategory[] => {
  const flat = text.replace(/\s*\n\s*/g, '');
  const out: SeedCategory[] = [];
  for (const m of flat.matchAll(/1\.(\d{1,2})\s+([^:：]+)[:：](.*?)(?=1\.\d{1,2}\s|$)/g)) {
    const items = m[3]!
      .replace(/等?[。.]\s*$/, '')
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean);
    out.push({ index: Number(m[1]), name: m[2]!.trim(), items });
  }
  return out;
};

interface CategoryDefaults {
  office: string;
  basis: string[];
  conditions: string[];
  materials: Material[];
  handling: Handling;
  levels: Level[];
  keywords?: string[];
}

const idCard: Material = { name: '居民身份证', form: 'original', copies: 1, source: '申请人自备', required: true, notes: '示例：核验后当场退还' };
const hukou: Material = { name: '居民户口簿', form: 'original', copies: 1, source: '申请人自备', required: true };
const form = (name: string): Material => ({
  name,
  form: 'original',
  copies: 1,
  source: '窗口领取或网上下载',
  required: true,
  blankFormUrl: '/forms/blank.pdf',
  sampleUrl: '/forms/sample.pdf',
});
const proof = (name: string, required = true): Material => ({ name, form: 'original-and-copy', copies: 1, source: '相关单位出具', required });

const CATEGORY_DEFAULTS: Record<number, CategoryDefaults> = {
  1: {
    office: '罗山县公安局',
    basis: ['《中华人民共和国户口登记条例》', '《河南省户口登记管理规定》'],
    conditions: ['本县户籍居民或在本县合法居住的人员', '申请事项符合户口登记管理规定'],
    materials: [hukou, idCard],
    handling: { mode: 'delegated', from: '罗山县公安局' },
    levels: ['county', 'township'],
  },
  2: {
    office: '罗山县卫生健康委员会',
    basis: ['《中华人民共和国人口与计划生育法》', '《河南省人口与计划生育条例》'],
    conditions: ['夫妻一方户籍在本县'],
    materials: [idCard, hukou, proof('结婚证')],
    handling: { mode: 'delegated', from: '罗山县卫生健康委员会' },
    levels: ['township', 'village'],
  },
  3: {
    office: '罗山县民政局',
    basis: ['《社会救助暂行办法》', '《河南省社会救助实施办法》'],
    conditions: ['本县户籍', '家庭收入和财产状况符合规定标准'],
    materials: [idCard, hukou, form('申请表'), proof('家庭经济状况核对授权书')],
    handling: { mode: 'forwarded', to: '罗山县民政局' },
    levels: ['county', 'township', 'village'],
  },
  4: {
    office: '罗山县人力资源和社会保障局',
    basis: ['《中华人民共和国就业促进法》', '《就业服务与就业管理规定》'],
    conditions: ['法定劳动年龄内的本县劳动者或在本县登记的用人单位'],
    materials: [idCard, form('登记表')],
    handling: { mode: 'delegated', from: '罗山县人力资源和社会保障局' },
    levels: ['township', 'village'],
  },
  5: {
    office: '罗山县人力资源和社会保障局',
    basis: ['《中华人民共和国社会保险法》', '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）'],
    conditions: ['年满16周岁（不含在校学生）、非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的本县户籍居民'],
    materials: [idCard, hukou],
    handling: { mode: 'delegated', from: '罗山县社会保险中心' },
    levels: ['township', 'village'],
    keywords: ['养老保险', '社保'],
  },
  6: {
    office: '罗山县医疗保障局',
    basis: ['《中华人民共和国社会保险法》', '《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）'],
    conditions: ['未参加职工基本医疗保险的本县户籍居民或常住居民'],
    materials: [idCard, hukou],
    handling: { mode: 'delegated', from: '罗山县医疗保障局' },
    levels: ['township', 'village'],
    keywords: ['医保', '新农合'],
  },
  7: {
    office: '罗山县乡村振兴局',
    basis: ['《河南省巩固拓展脱贫攻坚成果同乡村振兴有效衔接实施方案》'],
    conditions: ['纳入防止返贫监测或脱贫户家庭成员'],
    materials: [idCard, hukou, form('申请表')],
    handling: { mode: 'forwarded', to: '罗山县乡村振兴局' },
    levels: ['township', 'village'],
  },
  8: {
    office: '罗山县农业农村局',
    basis: ['《中华人民共和国农村土地承包法》', '《农村土地经营权流转管理办法》'],
    conditions: ['本县农村集体经济组织成员或农业经营主体'],
    materials: [idCard, proof('土地承包经营权证', false)],
    handling: { mode: 'delegated', from: '罗山县农业农村局' },
    levels: ['township', 'village'],
  },
  9: {
    office: '罗山县自然资源局',
    basis: ['《中华人民共和国土地管理法》第六十二条', '《中华人民共和国城乡规划法》第四十一条'],
    conditions: ['本村集体经济组织成员', '符合国土空间规划和村庄规划'],
    materials: [idCard, hukou, form('申请表'), proof('村民委员会意见')],
    handling: { mode: 'delegated', from: '罗山县自然资源局' },
    levels: ['county', 'township'],
  },
  10: {
    office: '罗山县市场监督管理局',
    basis: ['《促进个体工商户发展条例》', '《中华人民共和国食品安全法》', '《河南省食品小作坊、小经营店和小摊点管理条例》'],
    conditions: ['有经营能力的自然人', '有与经营项目相适应的场所和设施'],
    materials: [idCard, form('申请书'), proof('经营场所使用证明')],
    handling: { mode: 'delegated', from: '罗山县市场监督管理局' },
    levels: ['county', 'township'],
  },
  11: {
    office: '罗山县人民武装部',
    basis: ['《中华人民共和国兵役法》', '《征兵工作条例》'],
    conditions: ['当年12月31日前年满18周岁的本县男性公民（女性按当年征兵命令）'],
    materials: [idCard, hukou, proof('学历证明', false)],
    handling: { mode: 'forwarded', to: '罗山县人民武装部' },
    levels: ['county', 'township'],
  },
  12: {
    office: '乡镇（街道）党委',
    basis: ['《中国共产党章程》', '《中国共产党党员教育管理工作条例》'],
    conditions: ['中国共产党党员或中国共产主义青年团团员'],
    materials: [idCard, proof('组织关系介绍信')],
    handling: { mode: 'local' },
    levels: ['township', 'village'],
  },
};

interface Plan {
  kind: ItemKind;
  statutoryDays?: number;
  promisedDays?: number;
  online: OnlineLevel;
  visits: number;
  resultPublished: boolean;
}

/** Plausible kind and limits from the item's name (示例 values, not the county's). */
const planFor = (name: string): Plan => {
  if (/查询|咨询|服务$|调解/.test(name))
    return { kind: 'immediate', online: /查询/.test(name) ? 'full' : 'consult', visits: /查询/.test(name) ? 0 : 1, resultPublished: false };
  if (/初审|政审|体检|确认/.test(name)) return { kind: 'escalated', statutoryDays: 20, promisedDays: 10, online: 'apply', visits: 1, resultPublished: false };
  if (/许可|认定|审批|审核/.test(name)) return { kind: 'promised', statutoryDays: 20, promisedDays: 10, online: 'apply', visits: 1, resultPublished: true };
  if (/发放|给付|补贴|救助|扶助|奖励|补助|补差|保险$/.test(name))
    return { kind: 'joint', statutoryDays: 30, promisedDays: 15, online: 'apply', visits: 1, resultPublished: true };
  if (/登记|备案|变更|注销|更正|缴费/.test(name))
    return { kind: 'promised', statutoryDays: 5, promisedDays: 3, online: 'apply', visits: 1, resultPublished: false };
  return { kind: 'promised', statutoryDays: 10, promisedDays: 5, online: 'consult', visits: 1, resultPublished: false };
};

/** Real-world details for the two items the acceptance criteria name (still marked 示例). */
const OVERRIDES: Record<string, Partial<Item>> = {
  居民身份证核发: {
    kind: 'promised',
    statutoryDays: 60,
    promisedDays: 20,
    basis: ['《中华人民共和国居民身份证法》第八条、第十条', '《居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）'],
    conditions: ['居住在中华人民共和国境内的年满十六周岁的中国公民', '未满十六周岁的公民，由监护人代为申请'],
    materials: [
      hukou,
      { name: '近期免冠照片', form: 'electronic', copies: 1, source: '窗口现场采集', required: true, notes: '示例：现场采集人像和指纹' },
      { name: '原居民身份证', form: 'original', copies: 1, source: '申请人自备', required: false, notes: '换领时交回' },
    ],
    fee: { charged: true, standard: '申领、换领 20 元；遗失补领、损坏换领 40 元', basis: '发改价格〔2003〕2322号' },
    keywords: ['身份证', '办身份证', '换身份证', '补办身份证'],
    specialProcedures: [],
    online: 'apply',
  },
  临时居民身份证核发: {
    kind: 'promised',
    statutoryDays: 3,
    promisedDays: 1,
    basis: ['《中华人民共和国临时居民身份证管理办法》第五条、第七条'],
    conditions: ['正在申领、换领、补领居民身份证期间，急需使用居民身份证的公民'],
    materials: [hukou, { name: '居民身份证受理回执', form: 'original', copies: 1, source: '公安机关出具', required: true }],
    fee: { charged: true, standard: '10 元', basis: '《临时居民身份证收费标准》（发改价格〔2005〕436号）' },
    keywords: ['临时身份证', '身份证'],
  },
};

const STEPS_PROMISED = [
  { name: '申请', description: '申请人到便民服务中心窗口或村便民服务站（代办）提交材料' },
  { name: '受理', description: '窗口一次性告知，材料齐全的出具受理凭证' },
  { name: '审核', description: '承办人员审核，需实地核查的按特别程序办理' },
  { name: '办结', description: '作出决定，短信通知领取或邮寄送达' },
];
const STEPS_IMMEDIATE = [
  { name: '申请', description: '申请人到窗口提出申请' },
  { name: '当场办结', description: '材料齐全、符合条件的当场办结' },
];

export const DEMO_CODE_PREFIX = 'LS';

/**
 * 俗称: what people say at the window, for the items they mean. Shipped with the demo catalog as
 * each item's keywords (the county admin edits them in 事项管理, and they travel in the 关键词
 * column of import/export). Real usage, not invented facts: 低保 is 最低生活保障, 五保 is 特困供养.
 */
export const DEMO_SYNONYMS: Record<string, readonly string[]> = {
  居民户口簿遗失补发: ['户口本丢了', '补户口本', '户口本补办', '户口簿'],
  新生儿出生登记: ['上户口', '报户口', '落户口'],
  户口县内迁移: ['迁户口', '户口迁移'],
  一孩生育登记: ['准生证', '生育服务证'],
  二孩生育登记: ['准生证', '二胎'],
  三孩生育证审批初审: ['准生证', '三胎'],
  城乡最低生活保障对象认定: ['低保', '吃低保', '办低保'],
  特困人员认定: ['五保', '五保户', '特困供养'],
  临时救助: ['救急', '困难补助'],
  残疾证办理: ['残疾人证'],
  老年优待证核发: ['老年证', '老人证'],
  '新农合、新农保减免': ['新农合'],
  城乡居民医疗保险参保登记: ['医保', '新农合', '交医保'],
  城乡居民医疗保险参保缴费: ['医保', '新农合', '交医保'],
  城乡居民养老保险参保登记: ['养老保险', '社保', '新农保'],
  城乡居民养老保险参保缴费: ['养老保险', '社保', '交社保'],
  农村村民住宅用地审核: ['宅基地', '批宅基地', '盖房子'],
  乡村建设规划许可证核发: ['盖房子', '建房许可'],
  危房改造申请: ['危房'],
  个体工商户登记: ['营业执照', '办执照', '开店'],
  食品经营许可: ['食品许可证', '开饭店'],
  '就(失)业登记': ['失业证', '就业创业证'],
  应征公民兵役登记: ['当兵', '参军'],
};

export const demoItems = (text = SEED_EXCERPT): Item[] =>
  parseSeedList(text).flatMap((cat) => {
    const d = CATEGORY_DEFAULTS[cat.index] ?? CATEGORY_DEFAULTS[12]!;
    return cat.items.map((name, i): Item => {
      const plan = planFor(name);
      const fee: Fee = { charged: false };
      const base: Item = {
        code: `${DEMO_CODE_PREFIX}-${String(cat.index).padStart(2, '0')}-${String(i + 1).padStart(3, '0')}`,
        name,
        category: cat.name,
        kind: plan.kind,
        levels: d.levels,
        office: d.office,
        basis: d.basis,
        conditions: d.conditions,
        materials: d.materials,
        steps: plan.kind === 'immediate' ? STEPS_IMMEDIATE : STEPS_PROMISED,
        ...(plan.statutoryDays ? { statutoryDays: plan.statutoryDays } : {}),
        ...(plan.promisedDays ? { promisedDays: plan.promisedDays } : {}),
        specialProcedures: /住宅用地|规划许可|危房/.test(name) ? [{ name: '现场勘查', maxDays: 5, basis: '《中华人民共和国行政许可法》第四十五条' }] : [],
        fee,
        place: '各乡镇（街道）党政便民服务中心综合受理窗口；村（社区）便民服务站可代办',
        hours: '工作日 上午8:00-12:00，下午14:30-17:30（法定节假日除外）',
        consultPhone: '0376-2178559',
        complaintPhone: '12345',
        visits: plan.visits,
        online: plan.online,
        handling: d.handling,
        resultPublished: plan.resultPublished,
        faq: [
          { q: '可以请村代办员代办吗？', a: '可以。村（社区）便民服务站代办员可全程代办，办结后将结果交回本人。' },
          { q: '材料不全怎么办？', a: '窗口一次性告知需补正的全部材料，补齐后即可受理。' },
        ],
        keywords: [...new Set([...(d.keywords ?? []), ...(DEMO_SYNONYMS[name] ?? [])])],
        demo: true,
      };
      return { ...base, ...OVERRIDES[name] };
    });
  });
