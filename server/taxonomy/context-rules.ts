// Context rules for words that are a skill in one sentence and something else in the next:
// "Go" the language vs "go to", "R" vs "R&D", "Julia" the language vs Julia the person. A rule
// guards some of a skill's match strings; the matcher checks it around every mention:
//   1. `forms`: the surface text must be one of these (case-sensitive), else no match;
//   2. `rejectBefore` / `rejectAfter` / `rejectNearby`: any match rejects; so does a
//      `requireAfter` that does not match the text after the mention (up to NEARBY_CHARS);
//   3. `acceptBefore` / `acceptAfter`: any match accepts;
//   4. `requireNearby`: otherwise accept only with supporting evidence on the same line (within
//      NEARBY_CHARS): another mention of a language (or of an ML skill, or of any skill), or one
//      of `words`.
//      Surface forms in `exemptForms` skip this step (capitalised "Spark" needs no support,
//      lower-case "spark" does).
// "before" and "after" are the text on the same line, up to 40 characters, next to the mention;
// their regexes are anchored to the mention (`$` and `^`).

export interface ContextRule {
  description: string;
  /** The skill's match strings (name or alias, as written) the rule applies to; default: all. */
  guards?: readonly string[];
  forms?: readonly string[];
  rejectBefore?: RegExp;
  rejectAfter?: RegExp;
  rejectNearby?: RegExp;
  /** Must match the same-line text after the mention, up to NEARBY_CHARS (anchored with `^`), else no match. */
  requireAfter?: RegExp;
  acceptBefore?: RegExp;
  acceptAfter?: RegExp;
  requireNearby?: {
    /** The mentions that support it: of a programming language, of an ML skill, or of any skill. */
    skills?: "language" | "ml" | "any";
    words?: RegExp;
    exemptForms?: readonly string[];
  };
}

/** Characters on each side of a mention (same line) searched for supporting evidence. */
export const NEARBY_CHARS = 80;

const HONORIFIC_BEFORE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dear)\.?\s+$/;
const LANGUAGE_WORDS = /\b(?:programming|languages?|coding|code|developer|scripting)\b/i;

/** Words of a model's compression, which "distillation" and "pruning" need beside them without an ML skill. */
const MODEL_WORDS =
  /\b(?:models?|neural|networks?|LLMs?|BERT|GPT|transformers?|deep learning|machine learning|weights|teacher|student models?|inference|quantization|compression)\b/i;

export const CONTEXT_RULES = {
  go: {
    description:
      'Go the language: only "Go"/"GO" (never the verb "go"), not "Go-to-market", "go live", "Go beyond", GO terms; needs "in Go", "(Golang)", another language or programming words nearby.',
    guards: ["Go"],
    forms: ["Go", "GO"],
    rejectBefore: /\b(?:let'?s|let us|ready to|good to|way to|on the)\s+$/i,
    rejectAfter:
      /^(?:\s*-\s*(?:to|live|getter|ahead|between|around|kart)\b|\s+(?:to|live|ahead|beyond|back|through|far|get|getting|green|further|big|wrong|above|into|the|a|an|terms?|enrichment|annotations?)\b|\s*!)/i,
    acceptBefore: /\b(?:in|using|with|knowledge of|experience of)\s+$/i,
    acceptAfter:
      /^\s*(?:\(\s*golang\s*\)|lang\b|programming|developer|services?\b|microservices?|modules?|routines?|backend)/i,
    requireNearby: {
      skills: "language",
      words: /\b(?:programming|languages?|backend|microservices?|goroutines?|concurrency|gRPC|developer|stack)\b/i,
    },
  },
  r: {
    description:
      'R the statistics language: only a capital standalone "R"; never "R&D", "R&B", initials ("John R. Smith"), "(R)" trademarks, "R-squared"; needs another language or statistics words nearby, or "in R"/"R programming".',
    guards: ["R"],
    forms: ["R"],
    rejectBefore: /\w\($/,
    rejectAfter: /^(?:\s*&|\.\s*[A-Z][a-z]|\.\w|\s*-\s*[A-Za-z]|\))/,
    acceptBefore: /\b(?:in|using)\s+$/,
    acceptAfter: /^\s*(?:programming|language|packages?\b|\(\s*(?:tidyverse|ggplot|dplyr|Shiny))/i,
    requireNearby: {
      skills: "language",
      words:
        /\b(?:statistic\w*|regression|ggplot2?|dplyr|tidyverse|CRAN|Shiny|SAS|SPSS|Stata|MATLAB|econometric\w*|biostatistic\w*|languages?|programming)\b/i,
    },
  },
  c: {
    description:
      'C the language: only a capital standalone "C" next to other languages ("C, C++, Python", "C/C++", "C programming"); never "C-suite", "C-level", "Series C", "Grade: C", "Objective-C", "C+" or initials.',
    guards: ["C"],
    forms: ["C"],
    rejectBefore:
      /(?:\b(?:Series|Round|Class|Type|Grade|Vitamin|Level|Tier|Plan|Section|Appendix|Part|Block|Room|Exhibit|Schedule|Objective|Team|Group|Phase|Option|Model|Category|Unit|Floor|Building|Form|Line|Hall|Wing|Division)\s*[-:]?\s*|(?<![A-Za-z])[A-Za-z]\.\s*)$/i,
    rejectAfter:
      /^(?:\s*-\s*[A-Za-z]|\.\s*[A-Z]|\.\w|['’]|\s*&|\+|\s+(?:level|suite|corp|grade|rating|average|student)\b)/i,
    acceptAfter: /^\s*(?:\/\s*C\s*\+\s*\+|programming|language\b|\(\s*programming)/i,
    requireNearby: {
      skills: "language",
      words: /\b(?:programming|languages?|embedded|firmware|kernels?|compilers?|low-level|systems programming)\b/i,
    },
  },
  julia: {
    description:
      'Julia the language: only "Julia" with language context; never a person ("Julia Roberts", "Julia Chen, Engineer", "Dr. Julia").',
    guards: ["Julia"],
    forms: ["Julia"],
    rejectBefore: HONORIFIC_BEFORE,
    rejectAfter: /^(?:\s+[A-Z][a-z]+|\s+[A-Z]\.|['’]s\b)/,
    acceptAfter: /^\s*(?:programming|language|\(\s*programming)/i,
    requireNearby: {
      skills: "language",
      words: /\b(?:programming|languages?|scientific computing|numerical|Flux|DifferentialEquations)\b/i,
    },
  },
  spark: {
    description:
      'Apache Spark: capitalised "Spark" unless it is a verb or a company ("Spark interest", "to spark"); lower-case "spark" only next to another skill. "sparked" never matches (whole words only).',
    guards: ["Spark"],
    rejectBefore: /\b(?:to|will|would|can|could|might|may|helped?|helps|helping|that|which)\s+$/i,
    rejectAfter:
      /^\s+(?:interest|curiosity|joy|innovation|conversations?|discussions?|debates?|change|ideas|creativity|growth|engagement|excitement|AR|Networks|Capital|Foundry|Plug)\b/i,
    requireNearby: { skills: "any", exemptForms: ["Spark", "SPARK"] },
  },
  rust: {
    description: 'Rust the language: "Rust"/"RUST" (not "Rust Belt"); lower-case "rust" only next to another language.',
    guards: ["Rust"],
    rejectAfter: /^\s+(?:Belt|belt|removal|proof|resistant|resistance|stains?)\b/,
    requireNearby: { skills: "language", words: LANGUAGE_WORDS, exemptForms: ["Rust", "RUST"] },
  },
  swift: {
    description: 'Swift the language: only "Swift" with iOS or language context; not SWIFT payments or the adjective.',
    guards: ["Swift"],
    forms: ["Swift"],
    rejectBefore: /\bTaylor\s+$/,
    rejectAfter:
      /^\s+(?:payments?|codes?|messages?|messaging|network|transfers?|response|action|delivery|turnaround)\b/i,
    requireNearby: {
      skills: "language",
      words: /\b(?:iOS|Xcode|SwiftUI|Objective-C|mobile|Apple|programming|languages?|apps?)\b/i,
    },
  },
  scala: {
    description: 'Scala the language: not "La Scala"; lower-case "scala" only next to another skill.',
    guards: ["Scala"],
    rejectBefore: /\b(?:La|alla|Teatro)\s+$/i,
    requireNearby: { skills: "any", exemptForms: ["Scala", "SCALA"] },
  },
  ray: {
    description:
      'Ray the distributed framework: "Ray" next to another skill or distributed-computing words; not a person ("Ray Chen", "Mr. Ray"), X-ray, ray tracing.',
    guards: ["Ray"],
    forms: ["Ray"],
    rejectBefore: /(?:\bX\s*[-‐]?\s*|\bSugar\s+|\bMr\.?\s+|\bDr\.?\s+|\bgamma\s+|\bcosmic\s+)$/i,
    rejectAfter:
      /^(?:\s+(?!Tune|Train|Serve|Data|Core|Cluster|RLlib|AIR)[A-Z][a-z]+|\s+[A-Z]\.|\s+(?:tracing|casting|of|optics)\b|\s*-\s*Ban)/,
    requireNearby: {
      skills: "any",
      words: /\b(?:distributed|clusters?|parallel\w*|scal\w+|workers?|actors?|tasks?|training|tuning)\b/i,
    },
  },
  flask: {
    description:
      'Flask the web framework: "Flask" unless lab glassware; lower-case "flask" only next to another skill.',
    guards: ["Flask"],
    rejectBefore: /\b(?:erlenmeyer|volumetric|conical|round[- ]bottom(?:ed)?|hip|vacuum|thermos|glass|lab)\s+$/i,
    rejectAfter: /^\s+of\b/i,
    requireNearby: { skills: "any", exemptForms: ["Flask", "FLASK"] },
  },
  airflow: {
    description: "Apache Airflow: not air flow in cooling, HVAC or aerodynamics.",
    guards: ["Airflow"],
    rejectNearby:
      /\b(?:cooling|HVAC|ventilation|fans?|thermal|CFM|ducts?|aerodynamic\w*|wind tunnel|CFD|respirat\w*|lungs?)\b/i,
  },
  docker: {
    description: "Docker the tool: not a dock worker.",
    rejectAfter: /^\s+(?:at|in|for)\s+(?:the\s+)?(?:port|docks?|harbou?r|shipyard)\b/i,
  },
  jenkins: {
    description:
      'Jenkins the CI server: only next to another skill or CI words; a surname ("Mr. Jenkins", "Sarah Jenkins, Manager") has neither.',
    guards: ["Jenkins"],
    rejectBefore: HONORIFIC_BEFORE,
    requireNearby: {
      skills: "any",
      words: /\b(?:CI|CD|pipelines?|builds?|jobs?|Groovy|Jenkinsfile|deploy\w*|automation|plugins?)\b/,
    },
  },
  helm: {
    description:
      'Helm the Kubernetes package manager: not "at the helm"; lower-case "helm" only next to another skill.',
    guards: ["Helm"],
    rejectBefore: /\b(?:the|at|took|taking)\s+$/i,
    requireNearby: { skills: "any", exemptForms: ["Helm", "HELM"] },
  },
  hive: {
    description: 'Apache Hive: bare "Hive" only next to another skill (not a hive, a coworking space).',
    guards: ["Hive"],
    rejectBefore: /\b(?:bee|the)\s+$/i,
    requireNearby: { skills: "any", words: /\b(?:HiveQL|Hadoop|HDFS|SQL|tables?|queries)\b/i },
  },
  jax: {
    description: 'JAX the library: "JAX" always; "Jax" or "jax" only next to another skill (Jax is a nickname).',
    guards: ["JAX"],
    requireNearby: { skills: "any", exemptForms: ["JAX"] },
  },
  bert: {
    description: 'BERT the model: only upper-case "BERT" (Bert is a name).',
    guards: ["BERT"],
    forms: ["BERT"],
  },
  feast: {
    description: "Feast the feature store: only next to another skill or feature-store words (not a meal).",
    guards: ["Feast"],
    requireNearby: { skills: "any", words: /\bfeatures?\b/i },
  },
  triton: {
    description: 'NVIDIA Triton: bare "Triton" only next to another skill or inference words.',
    guards: ["Triton"],
    requireNearby: { skills: "any", words: /\b(?:inference|serving|NVIDIA|GPUs?|models?)\b/i },
  },
  redshift: {
    description: "Amazon Redshift: not redshift in astronomy.",
    guards: ["Redshift"],
    rejectNearby: /\b(?:galax\w*|cosmolog\w*|astro\w*|spectroscop\w*|photometric|quasars?|doppler|supernova\w*)\b/i,
  },
  transformer: {
    description: "Transformer models: not electrical transformers.",
    guards: ["Transformers", "transformer"],
    rejectBefore:
      /\b(?:power|distribution|current|voltage|step[- ]?(?:up|down)|isolation|instrument|potential|auto|oil[- ]filled|dry[- ]type|pad[- ]mounted|pole[- ]mounted|three[- ]phase|single[- ]phase|grounding|rectifier|HV|MV|LV)\s+$/i,
    rejectNearby:
      /\b(?:electrical|electric|voltage|substations?|kVA?|MVA|windings?|utilit(?:y|ies)|HVDC|power (?:grid|plants?|systems|distribution)|switchgear|relays?|breakers?|motors?|generators?|insulation|tap changers?|megger|SCADA|PLCs?|amperes?|accessor(?:y|ies)|bushings?|buchholz|radiators?|conservators?|OTI|WTI|MOG|PRV)\b/i,
    // Alone ("transformer load study", a list of utility gear) it is equipment: the model family
    // comes with an ML skill or model words on its line ("Functional Testing of Transformer
    // Accessories" names a testing skill, not a model).
    requireNearby: {
      skills: "ml",
      words:
        /\b(?:models?|attention|NLP|BERT|GPT|neural|language|vision|fine-?tun\w*|LLMs?|deep learning|PyTorch|Hugging|encoders?|decoders?|embeddings?|architectures?|pretrain\w*)\b/i,
    },
  },
  vit: {
    description:
      '"ViT", the Vision Transformer, only written so and beside an ML skill or vision words (not a "VIT system" or a school called VIT).',
    guards: ["ViT"],
    forms: ["ViT"],
    requireNearby: {
      skills: "ml",
      words:
        /\b(?:vision|images?|transformers?|models?|classification|detection|segmentation|backbones?|pretrain\w*)\b/i,
    },
  },
  regression: {
    description:
      'Regression the model family: not a performance or test regression ("latency regression", "caught regressions").',
    guards: ["Regression"],
    rejectBefore:
      /\b(?:performance|perf|latency|memory|visual|UI|no|prevent(?:ed|ing|s)?|catch(?:es|ing)?|caught|avoid(?:ed|ing|s)?|detect(?:ed|ing|s)?|fix(?:ed|es|ing)?|bisect(?:ed|ing)?)\s+$/i,
    rejectAfter: /^\s+(?:bugs?|issues?|alerts?|test\w*|suites?|packs?|cycles?|coverage)\b/i,
    // Software testing's regression: "regression, acceptance, unit and integration testing",
    // "regression test coverage" with Katalon, "functional, regression, stress".
    rejectNearby:
      /\b(?:testing|test (?:cases?|plans?|suites?|scripts?|automation|coverage)|QA|quality assurance|Selenium|Katalon|black[- ]box|UAT|smoke tests?)\b/i,
  },
  monitoring: {
    description:
      'Bare "monitoring" is software monitoring only next to another skill or system words (not "monitoring patients", not "patient monitoring systems").',
    guards: ["monitoring"],
    // "Patient monitoring systems" are medical devices, whatever words stand beside them.
    rejectBefore:
      /\b(?:patient|fetal|cardiac|heart|glucose|vital[- ]signs?|environmental|student|alarm and|fire alarm|burglar alarm)\s+$/i,
    // A ship's alarm panels, a plant's compressors, a restaurant's food and service, a building's
    // life-safety and surveillance systems installed on concrete foundations.
    rejectNearby:
      /\b(?:food|beverages?|patrons?|guests?|compressors?|boilers?|HVAC|pumps?|valves?|generators?|hazmat|patients?|residents?|inventory|livestock|crops?|wildlife|life safety|fire alarms?|surveillance|CCTV|concrete|conduits?|sprinklers?|call cent(?:er|re)s?|average call|call handle|handle time|occupancy|schedule adherence|telephone service)\b/i,
    requireNearby: {
      skills: "any",
      words:
        /\b(?:systems?|services?|metrics|alerts?|alerting|dashboards?|uptime|latency|infrastructure|pipelines?|models?|logs?|servers?|applications?|networks?)\b/i,
    },
  },
  deployed_model: {
    description:
      'The bare verb "deployed" is model serving only when what was deployed is a model, named within five words on its line ("Deployed automated classification and regression model", "deployed the time series forecasting model"); never "deployed the application" or "deployed a data model".',
    guards: ["deployed", "deploying"],
    requireAfter:
      /^(?:[ \t]+[\w/&+.-]+){0,5}?[ \t]+(?<!\b(?:data|business|operating|delivery|pricing|service|domain|object|financial|revenue|cost|staffing|engagement|care|3D)[ \t]+)models?\b/i,
  },
  distributed_training: {
    description:
      '"Distributed training" is training a model over many devices, not handing out training: never "distributed training manuals to staff", "prepared and distributed training materials".',
    guards: ["Distributed training"],
    rejectBefore:
      /\b(?:authored|wrote|written|created|developed|prepared|designed|compiled|printed|produced|organi[sz]ed|scheduled)\s+(?:and|&)\s+$/i,
    rejectAfter:
      /^\s+(?:manuals?|materials?|sessions?|programs?|programmes?|modules?|courses?|documents?|documentation|guides?|handbooks?|handouts?|videos?|schedules?|plans?|calendars?|records?|certificates?|packets?|binders?|content|information|updates?|to (?:all |new |the )?(?:staff|employees|users|members|personnel|teams?|departments?)|among|throughout|across (?:the )?(?:company|organi[sz]ation|staff|teams?|departments?))\b/i,
  },
  medical_imaging: {
    description:
      '"Medical imaging" is computer vision only beside an ML skill or ML words (a model, deep learning, segmentation, detection, AI): servicing MRI and CT scanners or working in radiology is not ML.',
    guards: ["medical imaging"],
    requireNearby: {
      skills: "ml",
      words:
        /\b(?:models?|machine learning|deep learning|neural|cnns?|segmentation|classification|detection|ai|algorithms?|datasets?|computer vision|pytorch|tensorflow|u-?net)\b/i,
    },
  },
  distillation: {
    description:
      'Bare "distillation" is knowledge distillation only beside an ML skill or model words (not the distillation of a chemical process).',
    guards: ["distillation"],
    requireNearby: { skills: "ml", words: MODEL_WORDS },
  },
  pruning: {
    description:
      'Bare "pruning" and "sparsity" are model pruning only beside an ML skill or model words (not pruning trees).',
    guards: ["pruning", "sparsity"],
    requireNearby: { skills: "ml", words: MODEL_WORDS },
  },
  ab_testing: {
    description:
      "A/B tests of e-mails, subject lines, campaigns, landing pages or ads are marketing work, not the evaluation of a model or a product feature.",
    rejectNearby:
      /\b(?:e-?mails?|e-?mail marketing|subject lines?|campaigns?|landing pages?|newsletters?|ad copy|ads|creatives?|banners?|mailers?|direct mail|marketing automation|call to action)\b/i,
  },
  calibration: {
    description:
      'Bare "calibration" is model calibration only next to another skill or model words (not calibrating instruments).',
    guards: ["calibration"],
    requireNearby: { skills: "any", words: /\b(?:models?|probabilit\w*|classifiers?|predictions?|scores?)\b/i },
  },
  on_call: {
    description:
      '"On-call" is production on-call only next to another skill or service words (not on-call nursing shifts).',
    guards: ["On-call"],
    requireNearby: {
      skills: "any",
      words:
        /\b(?:services?|rotations?|incidents?|production|pagerduty|opsgenie|SRE|outages?|systems?|platforms?|infrastructure)\b/i,
    },
    // "Provided immediate crisis response services on call 24/7": a counsellor's or a nurse's.
    rejectNearby: /\b(?:crisis|patients?|nurs\w*|residents?|counsel\w*|clinical|shelter|hotline|case management)\b/i,
  },
  llm: {
    description:
      '"LLM" the language model: not the law degree (LL.M., "LLM in International Law", next to LLB, bar or legal words).',
    guards: ["LLM", "LLMs"],
    forms: ["LLM", "LLMs"],
    rejectNearby:
      /\b(?:law|laws|legal|jurisprudence|LL\.?B|J\.?D|bar council|bar exam|advocate|barrister|solicitor|attorney|litigation|juris\w*|human rights|taxation|arbitration|courts?|constitutional|criminology)\b/i,
  },
  /** Chat assistants named as tools one works with are not language-model work. */
  llmAssistant: {
    description:
      '"ChatGPT" or "GPT-4" named among AI coding assistants ("AI development tools: Codex, Claude Code, Cursor, GitHub Copilot, and ChatGPT") is a tool used, not language-model work.',
    guards: ["ChatGPT", "GPT", "GPT-3", "GPT-4"],
    rejectNearby:
      /\b(?:Copilot|Cursor|Claude Code|Codex|Windsurf|Tabnine|AI (?:development|coding|productivity|writing) tools?|AI(?:-powered)? (?:coding )?assistants?)\b/i,
  },
} satisfies Record<string, ContextRule>;

/**
 * A guard for words that mean something else outside software and ML ("documentation" of
 * accounts, "forecasting" budgets, "containers" of a warehouse, "PCA" the patient care assistant,
 * "SLA" of a call centre): the listed match strings count only next to another skill (same line,
 * 80 characters) or one of `words`. `forms`, when given, are the only spellings accepted
 * ("BLEU" the metric, never "Cordon Bleu").
 */
export function needsTechContext(
  description: string,
  guards: readonly string[],
  words?: RegExp,
  forms?: readonly string[],
): ContextRule {
  return {
    description,
    guards,
    ...(forms ? { forms } : {}),
    requireNearby: words ? { skills: "any", words } : { skills: "any" },
  };
}

export type ContextRuleId = keyof typeof CONTEXT_RULES;
