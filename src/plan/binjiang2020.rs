//! The Binjiang District (Hangzhou) Unemployment Emergency Plan of 2020-11-23, as data.
//!
//! Chinese texts are verbatim from the issued plan (including its punctuation and its small
//! inconsistencies, e.g. "15000人（含）以上" vs "10000（含）人以上"); the English beside them is a
//! plain rendering. Clause ids follow `PLAN.md`.

use super::{
    BulletinField, Clause, ClosureCriterion, Comparison, Deadline, DeadlineStart, Duty,
    Headquarters, LayoffCriterion, Level, LevelSpec, Measure, Parameters, Plan, RateCriterion,
    Response, Text, Thresholds, Unit,
};
use crate::num::Pct;

fn t(zh: &str, en: &str) -> Text {
    Text::new(zh, en)
}

fn clause(id: &str, zh: &str, en: &str) -> Clause {
    Clause {
        id: id.to_owned(),
        text: t(zh, en),
    }
}

fn ids(units: &[&str]) -> Vec<String> {
    units.iter().map(|u| (*u).to_owned()).collect()
}

fn measure(clause: &str, title: Text, text: Text, units: &[&str]) -> Measure {
    Measure {
        clause: clause.to_owned(),
        title,
        text,
        units: ids(units),
    }
}

pub(super) fn plan() -> Plan {
    Plan {
        id: "binjiang-2020".to_owned(),
        title: t(
            "杭州市滨江区失业应急预案",
            "Binjiang District (Hangzhou) Unemployment Emergency Plan",
        ),
        issuer: t(
            "杭州高新开发区（滨江）人力资源和社会保障局办公室",
            "Office of the Human Resources and Social Security Bureau, Hangzhou Hi-tech Zone (Binjiang)",
        ),
        issued: "2020-11-23".to_owned(),
        scope: clause(
            "§1",
            "本预案适用于本区发生重大失业问题时或市政府发布失业预警等级响应的应对工作。",
            "This plan applies to the response when a major unemployment problem occurs in the district, or when the city government issues an unemployment warning level response.",
        ),
        principles: principles(),
        hq: headquarters(),
        units: units(),
        duties: duties(),
        street_duties: clause(
            "§3.3",
            "各街道办事处要建立失业应急指挥及工作机制，负责本辖区失业应急管理工作，建设失业预警数据库，搭建失业预警工作平台，实施失业人员网格化动态管理，着力做好失业人员线上线下技能培训，加大就业岗位收集、发布、推荐力度。健全失业预警监测网络，建立失业预警分析报告制度；负责承办本级指挥机构应急管理及应急保障等各项工作。",
            "Each street office sets up an unemployment emergency command and working mechanism and is responsible for unemployment emergency management in its area: it builds an unemployment warning database, sets up a warning work platform, manages unemployed people dynamically by grid, focuses on online and offline skills training for the unemployed, and steps up the collection, publication and recommendation of job vacancies. It improves the warning monitoring network, sets up a warning analysis reporting system, and handles the emergency management and emergency support work of its own command body.",
        ),
        monitoring: monitoring(),
        thresholds: thresholds(),
        special_determination: clause(
            "§5.1-M",
            "因特殊情况未达到上述条件的，或因受特别重大疫情影响失业人员明显增加的，区失业应急办可经区失业应急指挥部同意并报市失业应急办批准后，确定相应的失业预警等级。",
            "Where the above conditions are not met because of special circumstances, or where the number of unemployed clearly rises because of an especially major epidemic, the district unemployment emergency office may, with the consent of the district unemployment emergency HQ and the approval of the city unemployment emergency office, determine the corresponding warning level.",
        ),
        parameters: Parameters::default(),
        deadlines: deadlines(),
        reporting: clause(
            "§5.2",
            "当行业（企业）达到上述预警等级时，行业主管部门（企业）应立即向同级失业应急机构报告；事发地失业应急指挥机构按照本预案规定，及时汇总、上报相关信息：一级（特别严重）、二级（严重）失业预警应当在48小时内报告区应急指挥部；三级（较重）失业预警应当在24小时内报告区应急指挥部和区委区政府。区失业应急指挥部同时报市失业应急指挥部。",
            "When an industry (enterprise) reaches one of the above warning levels, the competent department of the industry (the enterprise) reports at once to the unemployment emergency body at its level; the unemployment emergency command body of the affected area collects and reports the information promptly as this plan requires: a level-1 (especially severe) or level-2 (severe) warning is reported to the district HQ within 48 hours; a level-3 (serious) warning is reported to the district HQ and the district Party committee and government within 24 hours. The district unemployment emergency HQ reports to the city unemployment emergency HQ at the same time.",
        ),
        first_response: clause(
            "§5.3",
            "发生突发重大失业事件后，事发地失业应急办要在12小时内赶赴现场，成立现场失业应急指挥中心，并组织、协调有关部门负责人成立失业应急处置工作组，制定并组织实施失业调控实施方案，组织公共服务力量参与失业应急处置，及时对其危害程度、影响范围、保护措施、发展趋势等进行评估，并在事件发生后24小时内将先期处置情况上报区指挥部。区指挥部同时上报市指挥部。",
            "After a sudden major unemployment event, the unemployment emergency office of the affected area arrives on site within 12 hours, sets up an on-site unemployment emergency command centre, organises the heads of the departments concerned into an emergency working group, drafts and carries out an unemployment control plan, brings public service forces into the response, promptly assesses the severity, scope of impact, protective measures and trend, and reports the first response to the district HQ within 24 hours of the event. The district HQ reports on to the city HQ at the same time.",
        ),
        bulletin: clause(
            "§5.4",
            "根据失业预警等级标准、管理权限、危害性和紧急程度，区失业应急办在报请区指挥部批准同意后，以适当方式发布失业预警信息，并做好舆情监控与应对工作。失业预警信息包括严重失业的指标类别、预警级别、起始时间、可能影响范围、警示事项、应采取的措施和发布单位等内容。",
            "According to the warning level criteria, its authority, the harm and the urgency, the district unemployment emergency office, after the district HQ approves, issues the unemployment warning in a suitable way and monitors and responds to public opinion. A warning contains the indicator category of the severe unemployment, the warning level, the start time, the possible scope of impact, the warning items, the measures to take and the issuing unit.",
        ),
        bulletin_fields: bulletin_fields(),
        responses: vec![response_level1(), response_level2(), response_level3()],
        end_steps: end_steps(),
        requirements: requirements(),
        supplementary: supplementary(),
        indicators: Vec::new(),
        response_from: None,
        source: None,
    }
}

fn principles() -> Vec<Clause> {
    vec![
        clause(
            "§2-1",
            "坚持以人为本、民生至上。牢固树立以人民为中心的发展思想，突发重大失业问题时，要把保护人民群众利益和维护社会稳定放在首位，努力减少失业人员数量，切实保障失业人员的基本生活。",
            "People first, livelihoods above all. Keep to people-centred development; when a major unemployment problem breaks out, put the protection of people's interests and social stability first, work to reduce the number of unemployed, and secure the basic living of the unemployed.",
        ),
        clause(
            "§2-2",
            "坚持部门联动、快速反应。在区政府的统一组织领导下，各部门要在各自职责范围内做好失业应急工作，相互协调，密切配合，做到快速反应、处置得当。",
            "Departments act together and respond fast. Under the unified leadership of the district government, each department does its unemployment emergency work within its own remit, coordinating and cooperating closely, so that the response is fast and well handled.",
        ),
        clause(
            "§2-3",
            "坚持属地管理、分级负责。各街道办事处分别负责本辖区的失业应急工作。区级相关主管部门负责协调指导、督促检查街道相关部门的失业应急工作。",
            "Territorial management, responsibility by tier. Each street office is responsible for the unemployment emergency work in its own area. The competent district departments coordinate, guide, supervise and inspect the unemployment emergency work of the street departments concerned.",
        ),
        clause(
            "§2-4",
            "坚持预防为主、常备不懈。严格落实各项预防措施，做好失业预警应对准备工作，切实做到早发现、早报告、早处置，把失业风险化解在萌芽状态。",
            "Prevention first, always prepared. Carry out every preventive measure strictly, prepare for unemployment warnings, detect, report and act early, and defuse unemployment risks while they are still budding.",
        ),
    ]
}

fn headquarters() -> Headquarters {
    Headquarters {
        setup: clause(
            "§3.1",
            "当本区发生三级以上失业预警或市政府发布三级以上失业预警涉及本区时，成立区失业应急指挥部（以下简称区指挥部），负责研究、协调和部署全区失业应急处置工作。",
            "When the district reaches an unemployment warning of level 3 or higher, or the city government issues a warning of level 3 or higher that involves the district, a district Unemployment Emergency Headquarters (the district HQ) is set up to study, coordinate and direct the district's unemployment emergency response.",
        ),
        commander: t(
            "区政府分管人力社保工作的副区长",
            "Deputy district head in charge of HR and social security",
        ),
        commander_level1: t("区长", "District head"),
        deputies: vec![
            t(
                "区府办分管副主任",
                "Deputy director in charge at the district government office",
            ),
            t(
                "区人力社保局主要负责人",
                "Head of the District HR & Social Security Bureau",
            ),
        ],
        // The plan writes 区委办公室（信访局） and 区民政局（区残联） as one entry each; the
        // bracketed bodies have duties of their own (§3.2 items 2 and 14), so they are units of
        // their own, listed right after their host. 区发改局（区统计局） is never named apart.
        members: ids(&[
            "committee-office",
            "petitions",
            "gov-office",
            "publicity",
            "ndrc",
            "education",
            "civil-affairs",
            "disabled",
            "finance",
            "hrss",
            "agriculture",
            "commerce",
            "veterans",
            "emergency",
            "market",
            "police",
            "service-centre",
            "union",
            "youth-league",
            "women",
            "tax",
            "streets",
        ]),
        members_rule: clause(
            "§3.1",
            "由区委办公室（信访局）、区政府办公室、区委宣传部、区发改局（区统计局）、区教育局、区民政局（区残联）、区财政局、区人力社保局、区农业农村局、区商务局、区退役军人事务局、区应急管理局、区市场监管局、区公安分局、区行政服务中心、区总工会、团区委、区妇联、区税务局及各街道办事处等单位分管负责人组成。应对特别重大（一级）失业问题时，各单位主要负责人担任成员。",
            "Made up of the leaders in charge from the District Party Committee Office (Petitions Bureau), the District Government Office, the Publicity Department, the Development & Reform Bureau (Statistics Bureau), the Education Bureau, the Civil Affairs Bureau (Disabled Persons' Federation), the Finance Bureau, the HR & Social Security Bureau, the Agriculture & Rural Affairs Bureau, the Commerce Bureau, the Veterans Affairs Bureau, the Emergency Management Bureau, the Market Regulation Bureau, the Public Security Sub-bureau, the Administrative Service Centre, the Federation of Trade Unions, the Youth League Committee, the Women's Federation, the Tax Bureau and every street office. For an especially major (level-1) unemployment problem, the principal leader of each unit is the member.",
        ),
        office: clause(
            "§3.1",
            "区指挥部设立办公室（设在区人力社保局，简称区失业应急办），承担指挥部日常工作，负责建立本区失业预警工作制度，搭建失业预警工作平台，健全失业预警监测网络，建立失业预警分析报告制度；负责承办本级指挥部应急管理及应急保障等各项工作。由区人力社保局主要负责人兼任办公室主任，指挥部各成员单位联络员担任办公室成员。",
            "The district HQ has an office (in the District HR & Social Security Bureau, called the district unemployment emergency office) that does the HQ's day-to-day work: it sets up the district's unemployment warning rules and warning work platform, improves the warning monitoring network and sets up the warning analysis reporting system; it handles the emergency management and emergency support work of the HQ. The head of the HR & Social Security Bureau is also the office's director; the liaison officers of the member units are its members.",
        ),
    }
}

fn units() -> Vec<Unit> {
    [
        (
            "committee-office",
            "区委办公室",
            "District Party Committee Office",
        ),
        ("petitions", "区信访局", "District Petitions Bureau"),
        ("gov-office", "区政府办公室", "District Government Office"),
        (
            "publicity",
            "区委宣传部",
            "District Party Committee Publicity Department",
        ),
        (
            "ndrc",
            "区发改局（区统计局）",
            "District Development & Reform Bureau (Statistics Bureau)",
        ),
        ("education", "区教育局", "District Education Bureau"),
        ("civil-affairs", "区民政局", "District Civil Affairs Bureau"),
        (
            "disabled",
            "区残联",
            "District Disabled Persons' Federation",
        ),
        ("finance", "区财政局", "District Finance Bureau"),
        (
            "hrss",
            "区人力社保局",
            "District HR & Social Security Bureau",
        ),
        (
            "agriculture",
            "区农业农村局",
            "District Agriculture & Rural Affairs Bureau",
        ),
        ("commerce", "区商务局", "District Commerce Bureau"),
        (
            "veterans",
            "区退役军人事务局",
            "District Veterans Affairs Bureau",
        ),
        (
            "emergency",
            "区应急管理局",
            "District Emergency Management Bureau",
        ),
        (
            "market",
            "区市场监管局",
            "District Market Regulation Bureau",
        ),
        (
            "police",
            "区公安分局",
            "District Public Security Sub-bureau",
        ),
        (
            "service-centre",
            "区行政服务中心",
            "District Administrative Service Centre",
        ),
        ("union", "区总工会", "District Federation of Trade Unions"),
        (
            "youth-league",
            "团区委",
            "District Communist Youth League Committee",
        ),
        ("women", "区妇联", "District Women's Federation"),
        ("tax", "区税务局", "District Tax Bureau"),
        ("streets", "各街道办事处", "Street offices"),
    ]
    .into_iter()
    .map(|(id, zh, en)| Unit {
        id: id.to_owned(),
        name: t(zh, en),
    })
    .collect()
}

fn duty(n: u8, units: &[&str], zh: &str, en: &str) -> Duty {
    Duty {
        clause: format!("§3.2-{n}"),
        units: ids(units),
        text: t(zh, en),
    }
}

fn duties() -> Vec<Duty> {
    vec![
        duty(
            1,
            &["emergency"],
            "协助区指挥部对重大失业问题进行应急协调处置；参与失业应急工作检查和指导。",
            "Assists the district HQ in coordinating the emergency response to major unemployment problems; takes part in inspecting and guiding unemployment emergency work.",
        ),
        duty(
            2,
            &["petitions"],
            "确保信访渠道畅通，方便失业人员咨询、投诉，依法、及时、合理处理信访人的投诉请求，配合有关单位缓解社会矛盾。",
            "Keeps the petition channels open so that the unemployed can ask and complain; handles petitioners' complaints lawfully, promptly and reasonably; helps the units concerned ease social tensions.",
        ),
        duty(
            3,
            &["publicity"],
            "大力宣传有关就业创业方针政策，发挥典型引导和带动作用，形成全社会促进就业创业、减少失业的舆论氛围；对特殊困难群体就业给予重点关注和报道，配合有关部门做好失业舆情应对工作。",
            "Publicises employment and entrepreneurship policies, uses good examples to lead, and builds a climate of opinion across society for promoting employment and reducing unemployment; gives special attention and coverage to the employment of groups in special difficulty; helps the departments concerned respond to public opinion on unemployment.",
        ),
        duty(
            4,
            &["ndrc"],
            "提出促进就业与经济协调发展的政策建议，将控制失业率和增加就业岗位纳入国民经济和社会发展规划；在实施宏观经济调控、经济结构调整以及安排主要产业布局和重大建设项目时，优先考虑对就业的影响；综合运用法律、经济和行政手段，大力促进新兴产业、服务业和中小型企业发展，增加就业岗位。综合整理人口、调查失业率等统计数据，组织开展社会失业率和劳动力状况的统计调查分析工作；配合有关部门做好因经济转型升级或突发事件导致企业关停破产的数据统计、整理和分析工作。",
            "Proposes policies for employment and the economy to develop together, and puts controlling the unemployment rate and adding jobs into the economic and social development plan; gives priority to the effect on employment in macro-economic control, structural adjustment, industrial layout and major projects; uses legal, economic and administrative means to promote emerging industries, services and small and medium enterprises and add jobs. Compiles population, surveyed unemployment rate and other statistics, organises statistical surveys and analysis of the unemployment rate and the labour force; helps the departments concerned compile and analyse data on enterprise closures and bankruptcies caused by economic transition or sudden events.",
        ),
        duty(
            5,
            &["education"],
            "配合区人力社保局共同完善并落实促进高校毕业生就业创业政策，引导高校毕业生面向基层就业，鼓励新增劳动力（高中、职高生）自主创业就业。",
            "Works with the District HR & Social Security Bureau to improve and carry out policies promoting employment and entrepreneurship of college graduates, guides graduates to take grassroots jobs, and encourages new entrants to the labour force (high-school and vocational-school leavers) to start businesses or find work.",
        ),
        duty(
            6,
            &["civil-affairs"],
            "进一步激发社会组织活力，拓宽吸纳就业渠道；不断完善城市居民最低生活保障与促进就业联动机制；负责及时审核符合城乡居民最低生活保障条件的失业人员家庭资格，发放城乡居民最低生活保障金。",
            "Invigorates social organisations and widens the channels that absorb employment; keeps improving the link between urban residents' minimum living allowance and employment promotion; promptly reviews the eligibility of unemployed people's households for the urban and rural minimum living allowance and pays it.",
        ),
        duty(
            7,
            &["finance"],
            "根据就业创业需要，持续加大财政扶持力度，将失业动态监测工作经费纳入预算管理，保障失业调控、失业监测、失业预警应急工作所需资金；及时拨付促进就业专项资金等各项费用，确保资金渠道畅通，并加强对促进就业专项资金的日常监管。指导国有监管企业实施主辅分离、辅业改制、富余人员分流安置工作，维护企业和职工双方合法权益；规范企业的生产经营，严格执行企业裁减人员规定；鼓励企业通过开展线上线下岗位技能培训，做到不裁减或少裁减人员。",
            "Keeps increasing fiscal support as employment and entrepreneurship need it, budgets the funds for dynamic unemployment monitoring, and secures the money needed for unemployment control, monitoring and warning; pays out the special employment funds and other costs promptly, keeps the funding channels open and supervises the special employment funds day to day. Guides state-supervised enterprises in separating main and auxiliary business, restructuring auxiliary business and redeploying surplus staff, protecting the lawful rights of both enterprises and workers; regulates enterprises' operations and enforces the rules on layoffs strictly; encourages enterprises to lay off no one or fewer by running online and offline job-skills training.",
        ),
        duty(
            8,
            &["hrss"],
            "协调完善和落实失业调控及失业监测、失业预警等政策规定；完善促进“大众创业、万众创新”的体制机制，推动创业带动就业工作；落实好稳岗支持政策，强化困难企业用工指导；负责保障失业人员的基本生活，对符合条件的失业人员，按规定及时、足额发放失业保险金，落实各项失业保险待遇；负责按规定做好生活困难的失业人员申请一次性临时生活补助；及时为劳动者提供创业担保贷款支持和职业指导、职业介绍、线上线下职业培训和开展云招聘等各项就业创业服务；承担区失业应急办相关职责，按照规定流程向区委区政府和市人力社保局报送失业预警响应的进展情况，会同相关部门做好失业舆情应对工作。",
            "Coordinates, improves and carries out the policies on unemployment control, monitoring and warning; improves the mechanisms promoting \"mass entrepreneurship and innovation\" and job creation through entrepreneurship; carries out job-stabilisation support and strengthens employment guidance for enterprises in difficulty; secures the basic living of the unemployed, paying unemployment insurance benefits to eligible people promptly and in full and delivering every unemployment insurance entitlement; handles applications by unemployed people in hardship for a one-time temporary living allowance; promptly provides guaranteed start-up loans, career guidance, job placement, online and offline training, online job fairs and other employment services; carries the duties of the district unemployment emergency office, reporting the progress of the warning response to the district Party committee and government and the city HR & Social Security Bureau as prescribed, and responds to public opinion on unemployment together with the departments concerned.",
        ),
        duty(
            9,
            &["commerce"],
            "积极推进流通产业结构调整，加强城乡市场体系建设，促进商贸流通发展，开发就业岗位；积极支持商贸企业和劳动密集型企业扩大市场营销，扶持企业扩大产品出口稳定就业岗位，发展对外工程承包和劳务合作带动就业。",
            "Restructures the distribution sector, strengthens the urban and rural market system, promotes trade and distribution and creates jobs; supports trading and labour-intensive enterprises in expanding their marketing, helps enterprises export more to keep jobs, and develops overseas contracting and labour cooperation to create employment.",
        ),
        duty(
            10,
            &["market"],
            "积极鼓励、支持个体私营经济发展，对失业人员和高校毕业生从事个体就业和自主创业的，及时办理登记注册手续，并提供开业指导及相关政策法规和信息咨询服务；充分发挥民间商会作用，鼓励和支持民营经济发展，增加就业岗位，吸纳更多劳动者就业。",
            "Encourages and supports individual and private business; promptly registers unemployed people and college graduates who become self-employed or start a business, and gives them start-up guidance and advice on policies, regulations and information; makes full use of private chambers of commerce, supports the private economy, adds jobs and absorbs more workers.",
        ),
        duty(
            11,
            &["police"],
            "负责做好社会治安维护工作，对利用就业失业问题散布谣言、煽动不明真相群众参与非法游行示威、阻碍交通、冲击政府机关、打砸抢烧等违法犯罪活动的首要、核心人物予以严厉打击，对重点地区、重点场所、重点人群、重要物资和设备加强安全保护，控制事态发展，维持社会稳定。",
            "Maintains public order; cracks down hard on the ringleaders of crimes that exploit employment problems, such as spreading rumours, inciting people unaware of the facts to join illegal marches, blocking traffic, storming government offices, and smashing, looting and burning; strengthens the protection of key areas, places, groups, supplies and equipment; keeps the situation under control and society stable.",
        ),
        duty(
            12,
            &["service-centre"],
            "配合有关部门做好江北关停破产企业或突发事件企业的协调、处置工作。",
            "Helps the departments concerned coordinate and handle enterprises north of the river (江北) that close or go bankrupt or are hit by sudden events.",
        ),
        duty(
            13,
            &["union"],
            "配合有关部门做好关停破产企业或突发事件中职工权益维护工作；指导召开职代会审议企业裁员方案，做好释疑解惑工作；督促裁员企业保障职工的合法权益，按规定清偿职工债务。",
            "Helps the departments concerned protect workers' rights in enterprises that close, go bankrupt or are hit by sudden events; guides workers' congresses in reviewing enterprises' layoff plans and answers workers' questions; urges enterprises that lay off staff to protect workers' lawful rights and pay their debts to workers as required.",
        ),
        duty(
            14,
            &["disabled", "agriculture", "veterans", "youth-league", "women"],
            "在各自职责范围内，协同和支持有关部门落实各项就业扶持政策和社会保障政策；引导大学生、退役军人、妇女、残疾人、农民工等特殊群体转变择业观念，积极参加适合自身发展的技能培训；大力扶持并倡导以创业带动就业。",
            "Within their own remits, help and support the departments concerned in carrying out employment support and social security policies; guide special groups such as college students, veterans, women, people with disabilities and migrant workers to change how they choose jobs and to take skills training that suits them; strongly support and promote job creation through entrepreneurship.",
        ),
        duty(
            15,
            &["tax"],
            "贯彻落实国家关于支持和促进重点群体创业就业有关税收优惠扶持政策以及企业、民办非企业单位吸纳就业税收扶持政策，确保政策落实到位。",
            "Carries out the national tax incentives that support entrepreneurship and employment of key groups and the tax support for enterprises and private non-enterprise units that take on workers, and makes sure they are fully applied.",
        ),
    ]
}

fn monitoring() -> Vec<Clause> {
    vec![
        clause(
            "§4.1",
            "贯彻落实《杭州市人民政府关于支持大众创业促进就业的意见》（杭政函〔2015〕174号）、《杭州市人民政府关于做好新形势下就业创业工作的实施意见》（杭政函〔2018〕81号）、《杭州市人民政府关于做好当前和今后一个时期促进就业工作的实施意见》（杭政函〔2019〕19号）和《杭州市滨江区人民政府关于做好当前和今后一个时期促进就业工作的实施意见》（滨政〔2019〕61号）精神，建立区、街道、社区三级失业预警工作平台，加强对常住人口（含本地户籍和外地户籍人员）就业创业服务管理，重点掌握大学生、就业困难人员、农民工等群体的就业和失业情况，夯实社区失业预警工作基础。",
            "Following the city's and the district's opinions on promoting employment (Hang Zheng Han [2015] No. 174, [2018] No. 81, [2019] No. 19 and Bin Zheng [2019] No. 61), set up a three-tier unemployment warning platform of district, streets and communities; strengthen employment services for the resident population (with local or non-local household registration); keep track in particular of the employment and unemployment of college graduates, people with employment difficulties and migrant workers; and lay a solid community foundation for warning work.",
        ),
        clause(
            "§4.2",
            "树立大数据理念，开展长期性、连续性、周期性的失业预警数据收集工作。充分利用市人力资源市场数据库、企业用工监测数据库、块状经济监测数据库、大学生与农民工数据库、本区在市智慧就业系统社区平台数据库以及就业相关的宏观经济数据库的数据资源，按照及时性、准确性和历史可比性等原则建立失业预警数据库。",
            "With a big-data approach, collect warning data over the long term, continuously and periodically. Make full use of the city's labour market database, the enterprise employment monitoring database, the cluster-economy monitoring database, the college graduate and migrant worker databases, the district's community data in the city's smart employment system and employment-related macro-economic databases, and build the unemployment warning database on the principles of timeliness, accuracy and historical comparability.",
        ),
        clause(
            "§4.3",
            "按照“条块结合、分级管理”原则，建立以区、街道、社区为纵向管理，市场、职业、企业、行业、群体为横向联系的全区失业预警监测网络。综合考虑全区失业承受能力、经济社会发展状况、城乡居民收入水平等因素，参照市失业预警标准，设定本区失业预警等级。",
            "On the principle of \"combining vertical and horizontal lines, with management by tier\", build a district-wide warning monitoring network managed vertically through district, streets and communities and linked horizontally across markets, occupations, enterprises, industries and groups. Set the district's warning levels with reference to the city's warning criteria, considering the district's capacity to bear unemployment, its economic and social development and the income of urban and rural residents.",
        ),
        clause(
            "§4.4",
            "失业应急办要建立失业预警分析报告制度，正确评估就业和失业基本状况，准确把握宏观经济对就业和失业的影响程度和发展趋势，定期形成失业预警分析报告。各街道失业应急指挥部门要及时分析研判就业失业形势，相关分析报告报区失业应急办，为及时确立失业预警源头、发布失业预警信息提供客观依据。区失业应急办及时将失业预警分析报告报市失业应急办。",
            "The unemployment emergency office sets up a warning analysis reporting system, assesses the state of employment and unemployment correctly, judges the extent and trend of the macro-economy's effect on them, and produces warning analysis reports periodically. Each street's unemployment emergency command analyses the employment situation promptly and sends its reports to the district unemployment emergency office, as an objective basis for identifying the source of a warning and issuing it in time. The district office sends its analysis reports to the city unemployment emergency office promptly.",
        ),
    ]
}

struct LevelRow<'a> {
    level: Level,
    n: u8,
    name: Text,
    rate: (i64, &'a str, &'a str),
    closures: (u64, &'a str, &'a str),
    layoffs: (i64, &'a str, &'a str),
}

fn level_spec(row: LevelRow<'_>) -> LevelSpec {
    let base = format!("§5.1-L{}", row.n);
    LevelSpec {
        level: row.level,
        clause: base.clone(),
        name: row.name,
        label: None,
        colour: None,
        rate: Some(RateCriterion {
            clause: clause(&format!("{base}-a"), row.rate.1, row.rate.2),
            min_rate: Pct::tenths(row.rate.0),
            sustained_months: 2,
            comparison: Comparison::AtLeast,
            series: None,
        }),
        closures: Some(ClosureCriterion {
            clause: clause(&format!("{base}-b"), row.closures.1, row.closures.2),
            min_unemployed: row.closures.0,
        }),
        layoffs: Some(LayoffCriterion {
            clause: clause(&format!("{base}-c"), row.layoffs.1, row.layoffs.2),
            min_share: Pct::tenths(row.layoffs.0),
        }),
        extra: Vec::new(),
    }
}

fn thresholds() -> Thresholds {
    Thresholds {
        levels: vec![
            level_spec(LevelRow {
                level: Level::L1,
                n: 1,
                name: t(
                    "一级（特别严重）失业预警",
                    "Level 1 (especially severe) unemployment warning",
                ),
                rate: (
                    65,
                    "登记失业率（或区实际失业率）达到6.5%（含）以上，并持续2个月以上",
                    "The registered unemployment rate (or the district's actual rate) is 6.5 % or more for 2 months or longer",
                ),
                closures: (
                    15000,
                    "多个企业关停破产造成15000人（含）以上失业",
                    "Closures and bankruptcies of several enterprises leave 15,000 or more people unemployed",
                ),
                layoffs: (
                    600,
                    "多个企业一次性裁员达到企业职工总数60%（含）以上",
                    "One-time layoffs by several enterprises reach 60 % or more of their total workforce",
                ),
            }),
            level_spec(LevelRow {
                level: Level::L2,
                n: 2,
                name: t(
                    "二级（严重）失业预警",
                    "Level 2 (severe) unemployment warning",
                ),
                rate: (
                    55,
                    "登记失业率（或区实际失业率）达到5.5%（含）以上，并持续2个月以上",
                    "The registered unemployment rate (or the district's actual rate) is 5.5 % or more for 2 months or longer",
                ),
                closures: (
                    10000,
                    "多个企业关停破产造成10000（含）人以上失业",
                    "Closures and bankruptcies of several enterprises leave 10,000 or more people unemployed",
                ),
                layoffs: (
                    500,
                    "多个企业一次性裁员达到企业职工总数的50%（含）以上",
                    "One-time layoffs by several enterprises reach 50 % or more of their total workforce",
                ),
            }),
            level_spec(LevelRow {
                level: Level::L3,
                n: 3,
                name: t(
                    "三级（较重）失业预警",
                    "Level 3 (serious) unemployment warning",
                ),
                rate: (
                    45,
                    "登记失业率（或实际失业率）达到4.5%（含）以上，并持续2个月以上",
                    "The registered unemployment rate (or the actual rate) is 4.5 % or more for 2 months or longer",
                ),
                closures: (
                    5000,
                    "多个企业关停破产造成5000（含）人以上失业",
                    "Closures and bankruptcies of several enterprises leave 5,000 or more people unemployed",
                ),
                layoffs: (
                    400,
                    "多个企业一次性裁员达到企业职工总数的40%（含）以上",
                    "One-time layoffs by several enterprises reach 40 % or more of their total workforce",
                ),
            }),
        ],
    }
}

fn deadlines() -> Vec<Deadline> {
    let office = t(
        "事发地失业应急办",
        "The unemployment emergency office of the affected area",
    );
    let district_hq = t("区指挥部", "The district HQ");
    vec![
        Deadline {
            id: "on-site".to_owned(),
            clause: "§5.3".to_owned(),
            start: DeadlineStart::Event,
            levels: Vec::new(),
            hours: 12,
            task: t(
                "赶赴现场，成立现场失业应急指挥中心",
                "Arrive on site and set up the on-site unemployment emergency command centre",
            ),
            by: office.clone(),
            // Arriving on site is not a report.
            to: Text::default(),
        },
        Deadline {
            id: "first-report".to_owned(),
            clause: "§5.3".to_owned(),
            start: DeadlineStart::Event,
            levels: Vec::new(),
            hours: 24,
            task: t(
                "将先期处置情况上报区指挥部。区指挥部同时上报市指挥部。",
                "Report the first response to the district HQ; the district HQ reports on to the city HQ at the same time.",
            ),
            by: office,
            to: district_hq,
        },
        Deadline {
            id: "level-report-12".to_owned(),
            clause: "§5.2".to_owned(),
            start: DeadlineStart::LevelReached,
            levels: vec![Level::L1, Level::L2],
            hours: 48,
            task: t(
                "一级（特别严重）、二级（严重）失业预警应当在48小时内报告区应急指挥部",
                "Report a level-1 (especially severe) or level-2 (severe) warning to the district HQ",
            ),
            by: t(
                "事发地失业应急指挥机构",
                "The unemployment emergency command body of the affected area",
            ),
            to: t("区应急指挥部", "The district HQ"),
        },
        Deadline {
            id: "level-report-3".to_owned(),
            clause: "§5.2".to_owned(),
            start: DeadlineStart::LevelReached,
            levels: vec![Level::L3],
            hours: 24,
            task: t(
                "三级（较重）失业预警应当在24小时内报告区应急指挥部和区委区政府",
                "Report a level-3 (serious) warning to the district HQ and to the district Party committee and government",
            ),
            by: t(
                "事发地失业应急指挥机构",
                "The unemployment emergency command body of the affected area",
            ),
            to: t(
                "区应急指挥部和区委区政府",
                "The district HQ and the district Party committee and government",
            ),
        },
        Deadline {
            id: "city-report".to_owned(),
            clause: "§5.2".to_owned(),
            start: DeadlineStart::LevelReached,
            levels: Vec::new(),
            // "同时": no period of its own; due together with the report to the district HQ.
            hours: 0,
            task: t(
                "区失业应急指挥部同时报市失业应急指挥部。",
                "The district HQ reports to the city HQ at the same time (simultaneously with the report it receives; no separate period, hence 0 hours).",
            ),
            by: t(
                "区失业应急指挥部",
                "The district unemployment emergency HQ",
            ),
            to: t(
                "市失业应急指挥部",
                "The city unemployment emergency HQ",
            ),
        },
    ]
}

fn bulletin_fields() -> Vec<BulletinField> {
    [
        ("category", "指标类别", "Indicator category"),
        ("level", "预警级别", "Warning level"),
        ("start", "起始时间", "Start time"),
        ("scope", "可能影响范围", "Possible scope of impact"),
        ("items", "警示事项", "Warning items"),
        ("measures", "应采取的措施", "Measures to take"),
        ("issuer", "发布单位", "Issuing unit"),
    ]
    .into_iter()
    .map(|(id, zh, en)| BulletinField {
        id: id.to_owned(),
        name: t(zh, en),
    })
    .collect()
}

fn response_level1() -> Response {
    Response {
        level: Level::L1,
        clause: "§6.1".to_owned(),
        start_procedure: clause(
            "§6.1-start",
            "根据市失业应急办发布的失业预警或区失业应急办报请区指挥部总指挥同意后，立即启动失业应急响应，并由总指挥亲自指挥，研究制订失业调控方案，指导、协调、督促有关部门开展工作。",
            "On a warning issued by the city unemployment emergency office, or once the district office has obtained the consent of the HQ commander, the emergency response starts at once; the commander directs it in person, draws up the unemployment control plan, and guides, coordinates and supervises the departments concerned.",
        ),
        control_policy: clause(
            "§6.1-control",
            "实施有利于扩大就业的投资政策、产业政策；落实财政税收政策、金融政策，促进扩大生产规模，增加企业用工需求；报批实行特殊的社会保险政策；通过人力资源市场组织劳务输出，加大岗位开发力度，开展以工代赈、生产自救，并组织实施特殊的就业援助政策；落实失业保险基金预防失业、稳定和扩大就业，保障失业人员生活相关政策。",
            "Carry out investment and industrial policies that expand employment; apply fiscal, tax and financial policies to expand production and enterprises' demand for labour; seek approval for special social insurance policies; organise labour export through the labour market, develop more jobs, run work-relief and self-help production, and carry out special employment assistance; apply the unemployment insurance fund policies for preventing unemployment, stabilising and expanding employment and securing the living of the unemployed.",
        ),
        measures: vec![
            measure(
                "§6.1-1",
                t("实施紧急失业援助计划", "Emergency unemployment assistance programme"),
                t(
                    "加大项目投资对就业的拉动力度，大力开发新兴产业促进就业。通过大规模实施公共服务设施、现代生态系统及环境设施的改造和建设，增加社会就业岗位。",
                    "Make project investment pull employment harder and develop emerging industries to promote employment. Add jobs through large-scale renovation and construction of public service facilities, modern ecological systems and environmental facilities.",
                ),
                &["hrss", "ndrc", "finance", "tax"],
            ),
            measure(
                "§6.1-2",
                t("实施紧急就业稳定计划", "Emergency employment stabilisation programme"),
                t(
                    "对生产经营暂时困难的企业，允许企业与职工协商，采取缩短工时、岗位轮换、应急相应期间可试行共享员工制，降低工资（不得低于最低工资标准）、开展线上线下技能培训等措施，避免大规模裁员。加大就业专项资金投入力度，向困难企业提供职工培训补贴、社会保险补贴，鼓励企业不裁员、不关闭。向不裁员的困难企业发放稳定就业岗位补贴，用于组织职工转岗培训，稳定就业岗位。",
                    "Let enterprises in temporary difficulty agree with their workers on shorter hours, job rotation, trial staff sharing during the emergency response, lower pay (not below the minimum wage) and online and offline skills training, to avoid mass layoffs. Put more special employment funds in, give enterprises in difficulty training and social insurance subsidies for their workers, and encourage them neither to lay off nor to close. Pay job-stabilisation subsidies to enterprises in difficulty that lay off no one, for retraining workers for new posts and keeping jobs.",
                ),
                &["hrss", "finance", "service-centre", "tax", "streets"],
            ),
            measure(
                "§6.1-3",
                t(
                    "积极推动全民创业带动就业",
                    "Promote entrepreneurship by all to create jobs",
                ),
                t(
                    "加大贯彻实施创业担保贷款、社会保险补贴、岗位补贴、创业补贴、职业技能培训、职业介绍、就业援助等扶持政策力度，促进失业人员自谋职业、自主创业。发挥创业带动就业效应，通过全额贴息等方式，鼓励和扶持小微企业、个体工商户扩大生产经营。",
                    "Apply more vigorously the guaranteed start-up loans, social insurance subsidies, job subsidies, start-up subsidies, vocational training, job placement and employment assistance, so that the unemployed find their own work or start businesses. Use entrepreneurship to create jobs, and encourage small and micro enterprises and self-employed businesses to expand, for example by full interest subsidies.",
                ),
                &["hrss", "finance", "commerce", "tax", "streets"],
            ),
            measure(
                "§6.1-4",
                t(
                    "大力发展社会服务业促进就业",
                    "Develop social services to promote employment",
                ),
                t(
                    "积极引导商贸流通、住宿餐饮、市政公用事业、房地产和物业服务等行业扩大就业，重点开发具有增加就业潜力的社会管理、家政服务、养老服务、医护服务、残疾人服务、物业管理等社区服务性岗位，给予社保补贴、岗位补贴。",
                    "Guide trade and distribution, accommodation and catering, municipal utilities, real estate and property services to employ more; focus on community service jobs with potential to add employment, such as social administration, domestic services, elderly care, medical care, services for people with disabilities and property management, with social insurance and job subsidies.",
                ),
                &["hrss", "ndrc", "civil-affairs", "finance", "tax", "streets"],
            ),
            measure(
                "§6.1-5",
                t(
                    "通过人力资源市场组织劳务输出",
                    "Organise labour export through the labour market",
                ),
                t(
                    "提供有针对性的专门就业服务，开展跨地区、跨行业职业介绍和人力资源调配。加大大型集中用工用人交流力度，开展云招聘活动，将大量城乡劳动力向相关地区、产业、企业以及人力资源市场输送；做好线上线下职业培训、职业指导、职业介绍等工作，对就业困难人员实行重点帮助。",
                    "Provide targeted employment services and cross-region, cross-industry job placement and labour allocation. Hold more large recruitment fairs and online job fairs, sending large numbers of urban and rural workers to the regions, industries, enterprises and labour markets concerned; provide online and offline training, career guidance and job placement, with special help for people with employment difficulties.",
                ),
                &["hrss", "streets"],
            ),
            measure(
                "§6.1-6",
                t(
                    "落实特殊的社会保险政策",
                    "Apply special social insurance policies",
                ),
                t(
                    "因突发事件而导致停产半停产的企业和歇业的个体工商户，在恢复生产经营期间，提请上级有关部门下调社会保险费率或暂缓征收社会保险费。",
                    "For enterprises that stopped or half-stopped production and self-employed businesses that closed because of a sudden event, ask the higher authorities, while they resume, to lower social insurance contribution rates or defer collection.",
                ),
                &["hrss", "finance", "tax"],
            ),
            measure(
                "§6.1-7",
                t("保障职工基本生活", "Secure workers' basic living"),
                t(
                    "落实失业人员失业保险待遇，确保按时足额发放。对停产、半停产企业中失去工作岗位且参加失业保险的职工，按规定进行失业登记，发放失业保险金，保障其基本生活；未参加失业保险的，发放最低生活保障费，保障其基本生活。",
                    "Deliver the unemployment insurance benefits of the unemployed on time and in full. Workers who lost their jobs in enterprises that stopped or half-stopped production and are insured are registered as unemployed and paid unemployment benefits to secure their basic living; those not insured are paid the minimum living allowance.",
                ),
                &["hrss", "civil-affairs"],
            ),
            measure(
                "§6.1-8",
                t(
                    "强化公共就业服务职责",
                    "Strengthen public employment services",
                ),
                t(
                    "对集中产生的大量失业人员，各级人力社保部门要积极主动开展就业服务，做好失业登记工作。加强对失业人员的职业指导，帮助其转变就业观念，指导其根据当前的就业形势和自身条件选择职业。建立就业援助制度，对就业困难对象实施重点帮扶。",
                    "Where many people become unemployed at once, HR and social security departments at every level proactively provide employment services and register the unemployed. Give the unemployed more career guidance, help them change how they see jobs and choose work suited to the current situation and their own circumstances. Set up an employment assistance system with special help for people with employment difficulties.",
                ),
                &["hrss", "streets"],
            ),
        ],
        may_add: vec![Level::L2, Level::L3],
        may_add_clause: clause(
            "§6.1-package",
            "如失业问题非常严重，可有针对性地选择二级和三级失业应急相关措施予以一揽子处置。",
            "If the unemployment problem is very serious, level-2 and level-3 emergency measures may be selected as needed and applied together as a package.",
        ),
    }
}

fn response_level2() -> Response {
    Response {
        level: Level::L2,
        clause: "§6.2".to_owned(),
        start_procedure: clause(
            "§6.2-start",
            "根据市失业应急办发布的失业预警或区失业应急办报请区指挥部总指挥同意后，立即启动失业应急响应，并向区政府主要领导报告，由总指挥负责参与制定失业调控方案，协调有关部门开展工作。",
            "On a warning issued by the city unemployment emergency office, or once the district office has obtained the consent of the HQ commander, the emergency response starts at once and is reported to the principal leaders of the district government; the commander takes part in drawing up the unemployment control plan and coordinates the departments concerned.",
        ),
        control_policy: clause(
            "§6.2-control",
            "落实财政、税收、信贷等手段扶持企业，以稳定就业；落实宽松的社会保险政策，实施积极的就业援助政策，鼓励和扶持全民创业；组织劳务输出，增加公益性岗位，引导和鼓励开展职业培训；落实失业保险基金预防失业、稳定就业，保障失业人员生活相关政策。",
            "Support enterprises with fiscal, tax, credit and similar means to stabilise employment; apply lenient social insurance policies and active employment assistance, and support entrepreneurship by all; organise labour export, add public-welfare jobs, and encourage vocational training; apply the unemployment insurance fund policies for preventing unemployment, stabilising employment and securing the living of the unemployed.",
        ),
        measures: vec![
            measure(
                "§6.2-1",
                t(
                    "帮扶企业开发就业岗位",
                    "Help enterprises create jobs",
                ),
                t(
                    "落实积极财政税收政策，由金融机构提供贷款、政府部门给予适当贴息，帮助、鼓励企业恢复生产经营、稳定就业规模；鼓励企业通过政府的就业奖励政策分流安置职工，应急相应期间可试行共享员工制。对受到影响的劳动者提供工资补贴、就业援助津贴、培训补贴，鼓励企业稳定就业规模。",
                    "Apply active fiscal and tax policies: financial institutions lend and government departments subsidise interest as appropriate, to help enterprises resume production and keep their workforce; encourage enterprises to redeploy workers under the government's employment reward policies, with trial staff sharing during the emergency response. Give affected workers wage subsidies, employment assistance allowances and training subsidies, and encourage enterprises to keep their workforce.",
                ),
                &["hrss", "finance", "service-centre", "tax"],
            ),
            measure(
                "§6.2-2",
                t("实施稳定就业政策", "Apply employment stabilisation policies"),
                t(
                    "对符合条件的中小企业、劳动密集型企业给予全额贴息贷款，帮助其恢复生产经营。对各类企业因扩大就业规模新增加的就业人员，给予岗位补贴；经上级有关部门同意缓缴社会保险费的，给予社保补贴。",
                    "Give eligible small and medium and labour-intensive enterprises fully interest-subsidised loans to help them resume production. Pay job subsidies for workers that enterprises add by expanding employment; where the higher authorities allow social insurance contributions to be deferred, pay social insurance subsidies.",
                ),
                &["hrss", "finance", "service-centre", "tax", "streets"],
            ),
            measure(
                "§6.2-3",
                t(
                    "鼓励和扶持大众创业",
                    "Encourage and support mass entrepreneurship",
                ),
                t(
                    "对无法恢复生产经营的企业中有创业意愿的失业人员，组织进行免费创业培训。对符合享受失业保险待遇的人员，可将其应享受的失业保险金作为创业生产启动资金，一次性支付给本人。失业人员创业的可依法享受税收减免政策；符合条件的可申请创业贷款并给予贴息；对招收其他人员就业的企业，给予岗位补贴和社保补贴。",
                    "Give free start-up training to unemployed people from enterprises that cannot resume who want to start a business. People entitled to unemployment insurance benefits may receive them in one lump sum as start-up capital. Unemployed people who start a business get tax relief by law; eligible ones may apply for start-up loans with interest subsidies; enterprises that hire others get job and social insurance subsidies.",
                ),
                &["hrss", "finance", "tax"],
            ),
            measure(
                "§6.2-4",
                t(
                    "加大开发公益性岗位力度",
                    "Develop more public-welfare jobs",
                ),
                t(
                    "统筹管理公益性岗位，开发城建、园林、绿化、交通协勤、小区治安、小区物业、家政服务、托老托幼、机关后勤服务等社会化服务岗位，用于安置失业人员。组织停产企业职工、歇业个体工商户和失业人员参加公益性岗位劳动，发放岗位补贴和社保补贴。",
                    "Manage public-welfare jobs as a whole and develop service jobs in urban construction, parks, greening, traffic assistance, neighbourhood security, property services, domestic services, elderly and child care and office support to place the unemployed. Organise workers of stopped enterprises, closed self-employed businesses and the unemployed into public-welfare work, with job and social insurance subsidies.",
                ),
                &["hrss", "finance", "tax", "streets"],
            ),
            measure(
                "§6.2-5",
                t(
                    "积极开展职业技能培训",
                    "Run vocational skills training",
                ),
                t(
                    "引导培训机构根据人力资源市场需求开展培训，提高培训的针对性和实用性；鼓励失业人员参加线上线下职业技能培训，提高失业人员的就业能力；帮助企业开展职工技能培训，提高职工职业能力。",
                    "Guide training providers to train for labour market demand, making training targeted and practical; encourage the unemployed to take online and offline vocational skills training to improve their employability; help enterprises train their workers to raise their skills.",
                ),
                &["hrss", "streets"],
            ),
            measure(
                "§6.2-6",
                t(
                    "实行宽松的社会保险政策",
                    "Apply lenient social insurance policies",
                ),
                t(
                    "提请上级部门同意后，对因灾停产、半停产企业和歇业的个体工商户，在恢复生产经营期间，缓缴社会保险费。",
                    "With the higher authorities' consent, enterprises that stopped or half-stopped production because of a disaster and self-employed businesses that closed defer social insurance contributions while they resume.",
                ),
                &["hrss", "finance", "tax"],
            ),
            measure(
                "§6.2-7",
                t("保障职工基本生活", "Secure workers' basic living"),
                t(
                    "对在停产、半停产企业中失去工作岗位且参加失业保险的职工，按规定进行失业登记，发放失业保险金，保障其基本生活；未参加失业保险的，发放最低生活保障费，保障其基本生活。",
                    "Workers who lost their jobs in enterprises that stopped or half-stopped production and are insured are registered as unemployed and paid unemployment benefits to secure their basic living; those not insured are paid the minimum living allowance.",
                ),
                &["hrss", "civil-affairs"],
            ),
            measure(
                "§6.2-8",
                t(
                    "强化公共就业服务职责",
                    "Strengthen public employment services",
                ),
                t(
                    "认真做好关停破产企业职工的安置工作，加强对企业裁员行为的规范和指导，避免失业问题在同一区域、同一行业、同一时间段过于集中。建立企业空岗报告制度，完善岗位开发机制，多渠道、多形式收集岗位信息，认真做好人力资源市场数据库与岗位信息数据库的对接工作，开展云招聘活动。",
                    "Place the workers of enterprises that closed or went bankrupt; regulate and guide enterprises' layoffs so that unemployment does not concentrate in one area, industry or period. Set up a vacancy reporting system for enterprises, improve job development, collect vacancy information through many channels and forms, link the labour market database with the vacancy database, and hold online job fairs.",
                ),
                &["hrss", "service-centre"],
            ),
        ],
        may_add: vec![Level::L3],
        may_add_clause: clause(
            "§6.2-package",
            "如失业问题极为严重，可有针对性地选择三级失业应急相关措施予以一揽子处置。",
            "If the unemployment problem is extremely serious, level-3 emergency measures may be selected as needed and applied together as a package.",
        ),
    }
}

fn response_level3() -> Response {
    Response {
        level: Level::L3,
        clause: "§6.3".to_owned(),
        start_procedure: clause(
            "§6.3-start",
            "根据市失业应急办发布的失业预警或区失业应急办报请区指挥部总指挥同意后，立即启动失业应急响应，同时通知各成员单位按职责分工做好相关工作。",
            "On a warning issued by the city unemployment emergency office, or once the district office has obtained the consent of the HQ commander, the emergency response starts at once, and every member unit is notified to do its part according to its duties.",
        ),
        control_policy: clause(
            "§6.3-control",
            "鼓励企业吸纳就业，实施就业援助政策，允许困难企业或行业经上级批准后缓缴社会保险费，发挥民间组织吸纳就业作用；组织和鼓励开展职业培训，鼓励失业人员从事个体经营和灵活就业；开发公益性岗位；落实失业保险基金预防失业政策，保障失业人员生活。",
            "Encourage enterprises to take on workers and carry out employment assistance; let enterprises or industries in difficulty defer social insurance contributions with higher approval; make use of non-governmental organisations to absorb employment; organise and encourage vocational training, and encourage the unemployed to become self-employed or work flexibly; develop public-welfare jobs; apply the unemployment insurance fund policy for preventing unemployment and secure the living of the unemployed.",
        ),
        measures: vec![
            measure(
                "§6.3-1",
                t(
                    "加强企业用工指导",
                    "Strengthen employment guidance for enterprises",
                ),
                t(
                    "按照《中华人民共和国劳动法》、《中华人民共和国劳动合同法》等法律规定的程序进行裁员，并依法支付劳动者劳动报酬和经济补偿金。凡不能依法支付解除劳动关系人员劳动报酬和经济补偿金的企业，不得裁减人员。企业因生产任务不足，可按规定缩短工作时间、实行更灵活的工时制度，但必须按月支付职工劳动报酬，且劳动报酬不得低于最低工资标准。应急相应期间可试行共享员工制。按规定落实好市稳岗支持政策，强化困难企业用工指导；",
                    "Layoffs follow the procedures of the Labour Law, the Labour Contract Law and other laws, and workers are paid their wages and severance by law. An enterprise that cannot pay the wages and severance of those whose contracts end by law may not lay off. An enterprise short of work may shorten hours or use more flexible working time as the rules allow, but must pay wages monthly and not below the minimum wage. Staff sharing may be tried during the emergency response. Apply the city's job-stabilisation support as required and strengthen employment guidance for enterprises in difficulty.",
                ),
                &["hrss"],
            ),
            measure(
                "§6.3-2",
                t(
                    "鼓励企业吸纳就业",
                    "Encourage enterprises to take on workers",
                ),
                t(
                    "企业吸纳就业困难人员就业的，给予岗位补贴和社保补贴。招收其他企业失去工作的城镇职工的，经上级批准后扣减其应缴纳的相关税费。对小微企业吸纳就业并符合有关条件的，给予创业担保贷款并按规定给予贴息政策扶持。",
                    "Enterprises that hire people with employment difficulties get job and social insurance subsidies. Those hiring urban workers who lost jobs at other enterprises get their taxes and fees reduced with higher approval. Eligible small and micro enterprises that take on workers get guaranteed start-up loans with interest subsidies as prescribed.",
                ),
                &["hrss", "finance", "tax"],
            ),
            measure(
                "§6.3-3",
                t(
                    "鼓励全民自主创业",
                    "Encourage entrepreneurship by all",
                ),
                t(
                    "对享受失业保险待遇的失业人员自谋职业、自主创业的，一次性发放失业保险金，资金可申请从市失业保险基金解决。对自主创业并招用其他失业人员就业的，给予创业补助金，资金可按规定从市、区就业专项资金中解决。鼓励创业孵化基地建设，积极推动全民创业。",
                    "Unemployed people on unemployment insurance benefits who find their own work or start a business get the benefits in one lump sum, which may be funded from the city unemployment insurance fund on application. Those who start a business and hire other unemployed people get a start-up grant, funded as prescribed from the city and district special employment funds. Encourage business incubators and promote entrepreneurship by all.",
                ),
                &["hrss", "finance", "tax"],
            ),
            measure(
                "§6.3-4",
                t(
                    "鼓励劳动者多种形式实现就业",
                    "Encourage workers into employment in many forms",
                ),
                t(
                    "对因灾或疫情中断营业后重新开业的个体工商户按规定给予创业担保贷款扶持。对失业的城镇职工从事个体经营的，经上级有关部门同意后扣减其应缴纳的相关税费。对符合条件的个体经营人员，减免其相关行政事业性收费。对灵活就业人员，给予社保补贴。",
                    "Self-employed businesses reopening after a disaster or epidemic interruption get guaranteed start-up loans as prescribed. Unemployed urban workers who become self-employed get their taxes and fees reduced with the higher authorities' consent. Eligible self-employed people are relieved of administrative fees. People in flexible employment get social insurance subsidies.",
                ),
                &["hrss", "finance", "market", "tax"],
            ),
            measure(
                "§6.3-5",
                t(
                    "积极引导人力资源流动",
                    "Guide labour mobility",
                ),
                t(
                    "建立失业预报、申报制度，全面掌握失业人员基本状况与发展趋势，从人力资源市场现有用工需求中选择匹配的岗位或有针对性地选择缺工企业，与关停破产或裁员企业进行岗位对接，并及时向因灾或疫情期间的企业落实和兑现企业岗位补贴、社会保险费返还、减免政策。",
                    "Set up a system for forecasting and declaring unemployment, keep full track of the state and trend of the unemployed, match jobs from current labour market demand or enterprises short of workers with enterprises that close, go bankrupt or lay off, and promptly pay enterprises hit by disaster or epidemic their job subsidies, social insurance refunds and reliefs.",
                ),
                &["hrss", "streets"],
            ),
            measure(
                "§6.3-6",
                t(
                    "实行优惠的社会保险政策",
                    "Apply preferential social insurance policies",
                ),
                t(
                    "落实失业保险基金调剂管理政策，确保失业人员失业保险待遇按时足额支付。对因灾或疫情期间特别困难的企业和个体工商户，经上级部门同意后可缓征社会保险费。",
                    "Apply the policy of balancing the unemployment insurance fund so that benefits are paid on time and in full. Enterprises and self-employed businesses in special difficulty because of a disaster or epidemic may have social insurance collection deferred with higher consent.",
                ),
                &["hrss", "finance", "tax"],
            ),
            measure(
                "§6.3-7",
                t(
                    "组织和鼓励开展职业培训",
                    "Organise and encourage vocational training",
                ),
                t(
                    "对城乡劳动者接受职业培训和创业培训的，给予培训补贴。对有就业去向的城乡劳动者实行免费定向培训、订单培训。对实行就业准入的工种提供职业技能鉴定补贴。对已参加失业保险、在恢复生产期间开展职工培训的企业，给予职业培训补贴。",
                    "Urban and rural workers in vocational or start-up training get training subsidies. Workers with a job in prospect get free targeted and order-based training. Trades with entry qualifications get skills-certification subsidies. Insured enterprises that train workers while resuming production get vocational training subsidies.",
                ),
                &["hrss", "finance", "tax", "streets"],
            ),
            measure(
                "§6.3-8",
                t(
                    "支持发展人力资源服务业",
                    "Support the human resources services industry",
                ),
                t(
                    "鼓励和扶持社会力量开办人力资源服务机构，给予其贴息贷款。",
                    "Encourage private parties to open human resources service agencies, with interest-subsidised loans.",
                ),
                &["hrss", "finance", "tax"],
            ),
            measure(
                "§6.3-9",
                t(
                    "切实保障失业人员基本生活",
                    "Secure the basic living of the unemployed",
                ),
                t(
                    "按规定为符合条件的失业人员提供失业保险待遇和城市居民最低生活保障；按规定做好生活困难的失业人员申请一次性临时生活补助；保障其基本生活。进一步完善就业援助长效机制，加强对零就业家庭的就业援助，建立和完善促进就业和社会保障联动机制。",
                    "Give eligible unemployed people unemployment insurance benefits and the urban minimum living allowance as prescribed; handle applications by unemployed people in hardship for a one-time temporary living allowance; secure their basic living. Improve the long-term employment assistance mechanism, help zero-employment households more, and link employment promotion with social security.",
                ),
                &["hrss", "civil-affairs", "streets"],
            ),
            measure(
                "§6.3-10",
                t(
                    "强化公共就业服务功能",
                    "Strengthen public employment service functions",
                ),
                t(
                    "健全失业预警工作机制，贯彻实施市场、职业、企业、行业、群体、区域全方位失业监测。拓展公共就业服务功能，开展政策咨询、职业介绍、职业指导、职业培训、创业扶持等“一条龙”服务。",
                    "Improve the unemployment warning mechanism and monitor unemployment across markets, occupations, enterprises, industries, groups and areas. Extend public employment services to a \"one-stop\" service of policy advice, job placement, career guidance, vocational training and start-up support.",
                ),
                &["hrss", "streets"],
            ),
        ],
        may_add: Vec::new(),
        may_add_clause: Clause::default(),
    }
}

fn end_steps() -> Vec<Clause> {
    vec![
        clause(
            "§7.1",
            "经失业应急处置，失业预警监测相关指标及各地或行业、企业生产秩序恢复正常后，失业调控、应急措施等应急处置工作可基本结束。",
            "Once, after the emergency response, the monitored warning indicators and the production order of the areas, industries or enterprises are back to normal, the unemployment control and emergency measures can essentially end.",
        ),
        clause(
            "§7.2",
            "失业应急处置工作结束后，事发地指挥部对严重失业问题的起因、性质、影响、责任和经验教训等进行科学合理评估，报请区政府同意并报请市应急办批准后作出应急结束决定。",
            "After the response, the HQ of the affected area evaluates the cause, nature, impact, responsibility and lessons of the severe unemployment problem, and decides to end the emergency with the district government's consent and the city emergency office's approval.",
        ),
        clause(
            "§7.3",
            "应急结束决定作出后，区失业应急办将结束应急工作情况报区指挥部，由区失业应急办及时通知各成员单位。",
            "Once the end is decided, the district unemployment emergency office reports the end of the emergency work to the district HQ and promptly notifies every member unit.",
        ),
    ]
}

fn requirements() -> Vec<Clause> {
    vec![
        clause(
            "§8-1",
            "加强科学研判。配合、邀请市失业预警专家小组，综合考虑社会经济、政治、文化等因素，判定全区失业预警严重程度。",
            "Assess scientifically. Work with and invite the city's unemployment warning expert group to judge the severity of the district's unemployment warning, taking social, economic, political, cultural and other factors into account.",
        ),
        clause(
            "§8-2",
            "建立工作机制。区失业应急指挥部建立应对重大失业问题的失业监测、失业预警、失业处置（失业调控）等工作机制，提高失业应急处置能力和水平。失业应急办要加强与有关部门的沟通协调，建立健全快速反应机制，提高基层应对重大失业问题的能力。",
            "Set up working mechanisms. The district HQ sets up mechanisms for monitoring, warning and response (control) for major unemployment problems and raises its response capacity. The office communicates and coordinates more with the departments concerned, builds a rapid-response mechanism and raises the grassroots' ability to handle major unemployment problems.",
        ),
        clause(
            "§8-3",
            "明确工作责任。各街道办事处要根据区指挥部统一部署，建立失业预警工作责任制。对因工作不力、行政效率低下、履职缺位等导致未有效落实应急措施的，依据有关法律、法规、规章的规定，追究相关单位和人员的责任。",
            "Make responsibility clear. Each street office sets up a responsibility system for warning work as the district HQ directs. Where emergency measures are not carried out effectively because of poor work, low efficiency or neglect of duty, the units and people concerned are held accountable under the laws, regulations and rules.",
        ),
    ]
}

fn supplementary() -> Vec<Clause> {
    vec![
        clause(
            "§9-1",
            "奖励与责任追究。区政府依据有关规定，对在失业应急处置工作中有突出贡献的集体和个人，按规定程序给予行政奖励。对在失业应急处置过程中未按规定履行职责、不服从指挥、擅离职守的人员给予相应处理，对造成严重后果的人员依法追究责任。",
            "Rewards and accountability. The district government gives administrative rewards, by the prescribed procedure, to groups and individuals who contribute outstandingly to the unemployment emergency response. People who fail to perform their duties, disobey orders or leave their posts during the response are dealt with accordingly, and those who cause serious consequences are held liable by law.",
        ),
        clause(
            "§9-2",
            "本预案所称的“以上”含本数，“以下”不含本数。",
            "In this plan \"以上\" (\"or more\") includes the number itself and \"以下\" (\"below\") excludes it.",
        ),
        clause(
            "§9-3",
            "本预案由区人力社保局负责解释。区失业应急办应适时召集有关部门和专家学者对本预案实施内容、实施效果进行评估，并视情做出相应修订。",
            "The District HR & Social Security Bureau interprets this plan. The district unemployment emergency office convenes the departments concerned and experts from time to time to evaluate the plan's content and effect, and revises it as needed.",
        ),
        clause(
            "§9-4",
            "各街道办事处要根据本预案，结合当地实际，制订本街道失业应急预案，并报区失业应急办备案。区失业应急办应适时对街道失业应急预案制定等相关工作落实情况进行监督检查。",
            "Each street office draws up its own unemployment emergency plan based on this plan and local conditions and files it with the district unemployment emergency office, which supervises and inspects the streets' planning work from time to time.",
        ),
        clause(
            "§9-5",
            "本预案自发布之日起实施，前发《关于印发杭州市滨江区失业应急预案的通知》（滨政办〔2015〕31号）同时废止。",
            "This plan takes effect on the day it is issued; the earlier notice issuing the Binjiang District unemployment emergency plan (Bin Zheng Ban [2015] No. 31) is repealed at the same time.",
        ),
    ]
}
