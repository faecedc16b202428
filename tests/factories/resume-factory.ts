// Realistic, fictional résumé text for tests and the demo seed. Everything is invented:
// 555 and drama-range phone numbers, example.com addresses, made-up employers.
// Lines are wrapped to fit one PDF row (see pdf-writer.ts), so `makePdf(text.split("\n"))`
// shows the same text.

export interface ExperienceEntry {
  title: string;
  company: string;
  location: string;
  /** "Mar 2019" style. */
  start: string;
  end: string;
  bullets: string[];
}

export interface EducationEntry {
  degree: string;
  school: string;
  year: string;
}

export interface ResumeProfile {
  /** Stable key for tests. */
  key: "ml_engineer" | "backend_engineer" | "data_scientist" | "data_engineer" | "researcher";
  name: string;
  headline: string;
  email: string;
  phone: string;
  location: string;
  links: string[];
  summary: string;
  experience: ExperienceEntry[];
  education: EducationEntry[];
  skills: string[];
}

/** Longest line the PDF writer shows without running off the page (Helvetica 10 pt). */
export const MAX_LINE_LENGTH = 95;

export function makeResumeLines(profile: ResumeProfile): string[] {
  return [
    profile.name,
    profile.headline,
    ...joinWrapped([profile.location, profile.phone, profile.email]),
    ...joinWrapped(profile.links),
    "",
    "SUMMARY",
    ...wrap(profile.summary),
    "",
    "EXPERIENCE",
    ...profile.experience.flatMap((job) => [
      ...joinWrapped([`${job.title}, ${job.company} (${job.location})`, `${job.start} - ${job.end}`]),
      ...job.bullets.flatMap((bullet) => wrap(bullet, "- ", "  ")),
      "",
    ]),
    "EDUCATION",
    ...profile.education.map((entry) => `${entry.degree}, ${entry.school}, ${entry.year}`),
    "",
    "SKILLS",
    ...wrap(profile.skills.join(", ")),
  ];
}

export function makeResumeText(profile: ResumeProfile): string {
  return `${makeResumeLines(profile).join("\n")}\n`;
}

/** Parts joined with " | ", starting a new line rather than running past MAX_LINE_LENGTH. */
function joinWrapped(parts: string[]): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 3 + part.length <= MAX_LINE_LENGTH)
      lines[lines.length - 1] = `${last} | ${part}`;
    else lines.push(part);
  }
  return lines;
}

function wrap(text: string, firstPrefix = "", nextPrefix = ""): string[] {
  const lines: string[] = [];
  let line = firstPrefix;
  for (const word of text.split(/\s+/)) {
    const prefix = lines.length === 0 ? firstPrefix : nextPrefix;
    if (line.length > prefix.length && line.length + 1 + word.length > MAX_LINE_LENGTH) {
      lines.push(line);
      line = nextPrefix + word;
    } else {
      line = line.length > prefix.length ? `${line} ${word}` : `${line}${word}`;
    }
  }
  lines.push(line);
  return lines;
}

export const ML_ENGINEER: ResumeProfile = {
  key: "ml_engineer",
  name: "Priya Raman",
  headline: "Machine Learning Engineer",
  email: "priya.raman@example.com",
  phone: "+1 (555) 010-4477",
  location: "Austin, TX",
  links: ["github.com/priya-raman-ml", "https://www.linkedin.com/in/priya-raman-ml/"],
  summary:
    "Machine learning engineer with 6 years of experience taking models from notebook to production: " +
    "feature pipelines, distributed training, low-latency serving and monitoring for ranking systems.",
  experience: [
    {
      title: "Senior Machine Learning Engineer",
      company: "Lumen Retail Labs",
      location: "Austin, TX",
      start: "Mar 2021",
      end: "Present",
      bullets: [
        "Built the real-time recommendation service (PyTorch, Triton, Kubernetes) serving 40k requests per second at p99 under 35 ms.",
        "Designed the feature store on Feast and Redis; cut training-serving skew incidents from monthly to none in a year.",
        "Led the migration of batch training to Ray on GPUs, reducing retraining time from 9 hours to 70 minutes.",
      ],
    },
    {
      title: "Machine Learning Engineer",
      company: "Northwind Analytics",
      location: "Remote",
      start: "Jun 2018",
      end: "Feb 2021",
      bullets: [
        "Shipped gradient-boosted churn models (XGBoost, scikit-learn) behind a FastAPI service with canary releases.",
        "Set up experiment tracking with MLflow and drift monitoring dashboards in Grafana.",
      ],
    },
  ],
  education: [{ degree: "M.S. Computer Science", school: "University of Texas at Austin", year: "2018" }],
  skills: [
    "Python",
    "PyTorch",
    "TensorFlow",
    "scikit-learn",
    "XGBoost",
    "Ray",
    "Kubernetes",
    "Docker",
    "AWS SageMaker",
    "Feast",
    "MLflow",
    "SQL",
    "Go",
  ],
};

export const BACKEND_ENGINEER: ResumeProfile = {
  key: "backend_engineer",
  name: "Marcus O'Connell",
  headline: "Backend Software Engineer",
  email: "marcus.oconnell@example.com",
  phone: "+44 20 7946 0958",
  location: "London, UK",
  links: ["https://github.com/marcus-oconnell", "https://marcusoconnell.dev"],
  summary:
    "Backend engineer with 8 years of experience building payment and messaging platforms in Go and Java; " +
    "owns services end to end, from API design to on-call.",
  experience: [
    {
      title: "Staff Software Engineer",
      company: "Fernleaf Payments",
      location: "London",
      start: "Jan 2020",
      end: "Present",
      bullets: [
        "Designed the ledger service in Go and PostgreSQL processing 3 million transactions a day with exactly-once semantics.",
        "Introduced Kafka-based event sourcing and OpenTelemetry tracing across 40 services.",
      ],
    },
    {
      title: "Software Engineer",
      company: "Brightpost",
      location: "Manchester",
      start: "Sep 2016",
      end: "Dec 2019",
      bullets: ["Built the notification pipeline in Java and Spring Boot on AWS (SQS, Lambda, DynamoDB)."],
    },
  ],
  education: [{ degree: "B.Sc. Computer Science", school: "University of Manchester", year: "2016" }],
  skills: [
    "Go",
    "Java",
    "Spring Boot",
    "PostgreSQL",
    "Kafka",
    "Redis",
    "gRPC",
    "Docker",
    "Kubernetes",
    "Terraform",
    "AWS",
  ],
};

export const DATA_SCIENTIST: ResumeProfile = {
  key: "data_scientist",
  name: "Sofía Hernández-Ruiz",
  headline: "Data Scientist",
  email: "sofia.hernandez@example.com",
  phone: "+34 912 345 678",
  location: "Madrid, Spain",
  links: ["linkedin.com/in/sofia-hernandez-ruiz", "https://www.kaggle.com/sofiahr"],
  summary:
    "Data scientist with 5 years of experience in experimentation, forecasting and causal inference " +
    "for marketplace products; turns ambiguous questions into measurable decisions.",
  experience: [
    {
      title: "Senior Data Scientist",
      company: "Mercadillo",
      location: "Madrid",
      start: "Apr 2022",
      end: "Present",
      bullets: [
        "Designed the A/B testing framework (CUPED, sequential tests) used by 12 product teams.",
        "Built demand forecasting models in Python (Prophet, LightGBM) that reduced stock-outs by 18%.",
      ],
    },
    {
      title: "Data Analyst",
      company: "Viajes Sol",
      location: "Valencia",
      start: "Jul 2019",
      end: "Mar 2022",
      bullets: ["Automated weekly reporting with SQL, dbt and Looker; trained analysts in pandas."],
    },
  ],
  education: [
    { degree: "M.Sc. Statistics", school: "Universidad Carlos III de Madrid", year: "2019" },
    { degree: "B.Sc. Mathematics", school: "Universitat de València", year: "2017" },
  ],
  skills: [
    "Python",
    "pandas",
    "R",
    "SQL",
    "scikit-learn",
    "LightGBM",
    "Prophet",
    "causal inference",
    "A/B testing",
    "Looker",
    "dbt",
  ],
};

export const DATA_ENGINEER: ResumeProfile = {
  key: "data_engineer",
  name: "Lukas Brenner",
  headline: "Data Engineer",
  email: "lukas.brenner@example.com",
  phone: "+49 30 12345678",
  location: "Berlin, Germany",
  links: ["github.com/lbrenner-data"],
  summary:
    "Data engineer with 7 years of experience designing batch and streaming pipelines on Spark, Airflow and " +
    "Kafka, with a focus on data quality and cost.",
  experience: [
    {
      title: "Lead Data Engineer",
      company: "Stadtwerk Mobility",
      location: "Berlin",
      start: "Feb 2020",
      end: "Present",
      bullets: [
        "Rebuilt the trip-data lakehouse on Spark and Delta Lake; nightly jobs went from 6 hours to 50 minutes.",
        "Introduced Great Expectations checks and data contracts for 30 upstream producers.",
      ],
    },
    {
      title: "Data Engineer",
      company: "Kiezkauf",
      location: "Hamburg",
      start: "Oct 2017",
      end: "Jan 2020",
      bullets: ["Maintained Airflow DAGs loading 2 TB a day into BigQuery; wrote the Kafka Connect ingestion."],
    },
  ],
  education: [{ degree: "B.Sc. Business Informatics", school: "TU Berlin", year: "2017" }],
  skills: ["Python", "Scala", "Spark", "Airflow", "Kafka", "Delta Lake", "BigQuery", "dbt", "Terraform", "SQL"],
};

export const RESEARCHER: ResumeProfile = {
  key: "researcher",
  name: "Amara Okafor",
  headline: "Research Scientist, Natural Language Processing",
  email: "amara.okafor@example.org",
  phone: "+1 555 013 2290",
  location: "Toronto, Canada",
  links: ["https://scholar.google.com/citations?user=AbCdEfGhIjK", "huggingface.co/aokafor", "https://amaraokafor.ai"],
  summary:
    "NLP researcher with a PhD and 4 years of postdoctoral and industry research on efficient fine-tuning " +
    "of large language models; 11 peer-reviewed papers (ACL, EMNLP, NeurIPS).",
  experience: [
    {
      title: "Research Scientist",
      company: "Maple AI Research",
      location: "Toronto",
      start: "Sep 2022",
      end: "Present",
      bullets: [
        "Developed parameter-efficient fine-tuning methods (LoRA variants) for multilingual models in PyTorch and JAX.",
        "Released two open-source models on Hugging Face with over 200k downloads.",
      ],
    },
    {
      title: "Postdoctoral Fellow",
      company: "University of Toronto",
      location: "Toronto",
      start: "Jan 2020",
      end: "Aug 2022",
      bullets: ["Studied low-resource machine translation for West African languages."],
    },
  ],
  education: [
    { degree: "Ph.D. Computer Science", school: "University of Edinburgh", year: "2019" },
    { degree: "B.Sc. Computer Science", school: "University of Lagos", year: "2014" },
  ],
  skills: ["Python", "PyTorch", "JAX", "Transformers", "LoRA", "NLP", "machine translation", "CUDA", "Slurm"],
};

export const PROFILES: readonly ResumeProfile[] = [
  ML_ENGINEER,
  BACKEND_ENGINEER,
  DATA_SCIENTIST,
  DATA_ENGINEER,
  RESEARCHER,
];
