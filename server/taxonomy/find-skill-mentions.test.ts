import { describe, expect, it } from "vitest";
import { findSkillMentions, getSkill, SKILLS, compileSkillMatcher, type SkillMention } from "./index.ts";

const ids = (text: string) => findSkillMentions(text).map((mention) => mention.skillId);
const texts = (text: string) => findSkillMentions(text).map((mention) => mention.text);

describe("aliases", () => {
  it.each([
    ["k8s", "kubernetes"],
    ["K8S cluster", "kubernetes"],
    ["sklearn", "sklearn"],
    ["scikit learn", "sklearn"],
    ["Scikit-Learn", "sklearn"],
    ["TF 2", "tensorflow"],
    ["tensorflow2", "tensorflow"],
    ["TensorFlow 2", "tensorflow"],
    ["torch", "pytorch"],
    ["PyTorch", "pytorch"],
    ["HF Transformers", "huggingface"],
    ["Hugging Face Transformers", "huggingface"],
    ["GCP", "gcp"],
    ["Google Cloud", "gcp"],
    ["Amazon Web Services", "aws"],
    ["Postgres", "postgresql"],
    ["continuous integration", "cicd"],
    ["CI / CD", "cicd"],
    ["AB tests", "ab_testing"],
    ["online experiments", "ab_testing"],
    ["XGBoost", "xgboost"],
    ["LightGBM", "lightgbm"],
    ["Feast feature store", "feature_store"],
    ["W&B", "wandb"],
    ["wandb", "wandb"],
    ["Weights and Biases", "wandb"],
    ["Kubeflow", "kubeflow"],
    ["Airflow DAGs", "airflow"],
    ["dbt", "dbt"],
    ["PySpark", "spark"],
    ["Apache Flink", "flink"],
    ["BigQuery", "bigquery"],
    ["Pulumi", "pulumi"],
    ["CloudFormation", "cloudformation"],
    ["Helm charts", "helm"],
    ["OpenTelemetry", "opentelemetry"],
    ["PagerDuty", "pagerduty"],
    ["on-call rotation", "on_call"],
    ["postmortems", "postmortems"],
    ["SLOs", "slos"],
    ["gRPC", "grpc"],
    ["TorchServe", "torchserve"],
    ["Triton Inference Server", "triton"],
    ["TensorRT", "tensorrt"],
    ["ONNX Runtime", "onnx"],
    ["vLLM", "vllm"],
    ["INT8 quantization", "quantization"],
    ["p99 latency", "latency"],
    ["CUDA", "cuda"],
    ["DeepSpeed", "deepspeed"],
    ["FSDP", "fsdp"],
    ["PyTorch DDP", "ddp"],
    ["Optuna", "optuna"],
    ["cross-validation", "cross_validation"],
    ["ROC AUC", "auc_roc"],
    ["F1 score", "precision_recall"],
    ["LSTM", "rnn"],
    ["LoRA", "fine_tuning"],
    ["fine-tuning", "fine_tuning"],
    ["retrieval-augmented generation", "rag"],
    ["vector databases", "vector_databases"],
    ["learning to rank", "learning_to_rank"],
    ["data drift", "drift_detection"],
    ["DVC", "dvc"],
    ["pytest", "pytest"],
    ["GitHub Actions", "github_actions"],
    ["Golang", "go"],
    ["RStudio", "r_lang"],
  ])("%s → %s", (text, skillId) => {
    expect(getSkill(skillId)).toBeDefined();
    expect([...new Set(ids(text))]).toEqual([skillId]);
  });

  it("accepts a plural of the last word", () => {
    expect(ids("GPUs, LLMs, unit tests, feature stores")).toEqual(["gpu", "llm", "unit_testing", "feature_store"]);
  });
});

describe("tokens and boundaries", () => {
  it.each([
    ["C++ and C#", ["cpp", "csharp"]],
    [".NET and ASP.NET", ["csharp", "aspnet"]],
    ["Node.js services", ["nodejs"]],
    ["CI/CD pipelines", ["cicd"]],
    ["A/B tests", ["ab_testing"]],
    ["scikit-learn.", ["sklearn"]],
    ["HTML, YAML, XML", ["frontend", "data_formats", "data_formats"]],
    ["Azure ML and YAML", ["azure_ml", "data_formats"]],
    ["JavaScript", ["javascript"]],
    ["C/C++ programming", ["c", "cpp"]],
  ])("%s", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it("prefers the longest alias", () => {
    expect(texts("Spark SQL and Apache Kafka on Google Cloud Run")).toEqual([
      "Spark SQL",
      "Apache Kafka",
      "Google Cloud Run",
    ]);
    expect(ids("Spark MLlib")).toEqual(["spark_mllib"]);
    expect(ids("regression tests")).toEqual(["integration_testing"]);
    expect(ids("logistic regression")).toEqual(["classification"]);
    expect(ids("CI/CD for ML")).toEqual(["ml_cicd"]);
  });

  it("does not join aliases across lines of a list or across paragraphs", () => {
    expect(texts("Apache\nKafka")).toEqual(["Kafka"]);
    expect(ids("Spark\nSQL")).toEqual(["spark", "sql"]);
    expect(texts("Built models for tasks such as natural\n\nlanguage processing")).not.toContain(
      "natural\n\nlanguage processing",
    );
  });

  it("joins an alias over a line the layout wrapped inside a sentence", () => {
    const text = "Designed and implemented deep learning models for natural\nlanguage processing tasks";
    expect(texts(text)).toContain("natural\nlanguage processing");
    expect(ids("Python, Docker, Kubernetes, Agile and Scrum, Statistics, Natural\nLanguage Processing")).toContain(
      "nlp",
    );
  });

  it("ignores skills inside links and e-mail addresses", () => {
    expect(ids("github.com/jane-doe · jane@tensorflow.org · https://pytorch.org")).toEqual([]);
    expect(ids("fast.ai course")).toEqual(["fastai"]);
  });

  it("reports the dimension and area of each mention", () => {
    const [docker, pytorch] = findSkillMentions("Docker, PyTorch");
    expect(docker).toMatchObject({
      skillId: "docker",
      area: "containers_orchestration",
      dimension: "production",
      hedge: 1,
    });
    expect(pytorch).toMatchObject({ skillId: "pytorch", area: "ml_frameworks", dimension: "ml", hedge: 1 });
  });
});

const RESUME = `Jane Doe — Machine Learning Engineer
jane@example.com · github.com/janedoe · Berlin

SUMMARY
ML engineer with 6 years building recommendation systems and fraud detection models in production.

EXPERIENCE
Senior ML Engineer, Shopwise (2021 – Present)
• Built real-time inference service in FastAPI and gRPC on Kubernetes (EKS); p99 latency 40 ms at 12k QPS.
• Cut GPU cost 35% with INT8 quantization, dynamic batching and TensorRT; ONNX export for CPU fallback.
• Designed feature pipelines in Spark and Airflow feeding a Feast feature store; data quality checks with Great Expectations.
• Drift detection and model monitoring with Prometheus, Grafana and Evidently AI; automated retraining via Kubeflow Pipelines.
• A/B testing of ranking models (NDCG, calibration), on-call for the ranking service; wrote postmortems.
Data Scientist, FinCo (2018 – 2021)
• Fraud models with XGBoost and LightGBM; cross-validation, precision/recall, ROC AUC; SHAP explainability.
• Familiar with Terraform; basic knowledge of Go. Built a churn model in PyTorch, never deployed.

SKILLS
Python, SQL, Go, Rust, C++; PyTorch, TensorFlow, scikit-learn, Pandas, NumPy; Docker, Helm, GitHub Actions, pytest;
AWS (SageMaker, S3), GCP (Vertex AI, BigQuery); MLflow, Weights & Biases, DVC; Transformers, BERT, LoRA, RAG.

EDUCATION
M.Sc. Computer Science — coursework in statistics, Bayesian inference, deep learning.
`;

describe("spans and determinism", () => {
  it("returns exact, ordered, non-overlapping spans", () => {
    const mentions = findSkillMentions(RESUME);
    expect(mentions.length).toBeGreaterThan(60);
    let previousEnd = 0;
    for (const mention of mentions) {
      expect(RESUME.slice(mention.start, mention.end)).toBe(mention.text);
      expect(mention.start).toBeGreaterThanOrEqual(previousEnd);
      expect(mention.hedge).toBeGreaterThan(0);
      expect(mention.hedge).toBeLessThanOrEqual(1);
      previousEnd = mention.end;
    }
  });

  it("keeps spans exact with Unicode around and inside the text", () => {
    const text = "İstanbul — Ünal: PyTorch 🤗 Transformers, Kubernetes… naïve Bayes, C++ 💡 Go/Golang";
    for (const mention of findSkillMentions(text)) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(ids(text)).toEqual(["pytorch", "transformers", "kubernetes", "classification", "cpp", "go", "go"]);
  });

  it("is deterministic across calls and across compiled matchers", () => {
    const first = findSkillMentions(RESUME);
    const second = findSkillMentions(RESUME);
    const fresh: SkillMention[] = compileSkillMatcher([...SKILLS])(RESUME);
    expect(second).toEqual(first);
    expect(fresh).toEqual(first);
  });

  it("handles empty and symbol-only text", () => {
    expect(findSkillMentions("")).toEqual([]);
    expect(findSkillMentions(" \n\t••• ---- +++ ///")).toEqual([]);
  });
});

describe("speed", () => {
  it("matches a typical résumé in well under 50 ms and reports throughput", () => {
    const resume = RESUME.repeat(Math.ceil(4096 / RESUME.length)).slice(0, 4096);
    findSkillMentions(resume); // compile and warm up
    const runs = 200;
    let started = performance.now();
    for (let i = 0; i < runs; i += 1) findSkillMentions(resume);
    const perResume = (performance.now() - started) / runs;

    const big = RESUME.repeat(Math.ceil(5_000_000 / RESUME.length));
    started = performance.now();
    findSkillMentions(big);
    const seconds = (performance.now() - started) / 1000;
    const mbPerSecond = big.length / 1_000_000 / seconds;
    console.log(
      `findSkillMentions: ${perResume.toFixed(3)} ms per 4 KB résumé, ${mbPerSecond.toFixed(1)} MB/s on ${(big.length / 1e6).toFixed(1)} MB`,
    );
    expect(perResume).toBeLessThan(50);
  });
});

describe("real résumé spellings (issue 12)", () => {
  it.each([
    ["Python3, Tensorflow2, JUnit5", ["python", "tensorflow", "pytest"]],
    ["Oracle11g and SQL2016", ["relational_databases", "sql"]],
    ["HTML5/CSS3", ["frontend", "frontend"]],
    ["Node JS, Express JS", ["nodejs", "nodejs"]],
    ["MS SQL, AWS(EC2, S3)", ["mysql", "aws", "cloud_compute", "object_storage"]],
    ["•Python •Docker", ["python", "docker"]],
    ["Java SE 8", ["java"]],
    [
      "Java/J2EE, Spring MVC, Hibernate, REST web services, SOAP, JMS",
      ["java", "java_ee", "spring_boot", "orm", "rest_api", "soap", "message_queues"],
    ],
    ["ASP.NET MVC, C#, SQL Server, stored procedures", ["aspnet", "csharp", "mysql", "sql"]],
    ["Selenium WebDriver, TestNG, Cucumber", ["selenium", "selenium", "selenium"]],
    ["SAP ABAP, BAPI, SmartForms", ["abap", "abap", "abap"]],
    ["Informatica, SSIS, Teradata", ["etl", "etl", "relational_databases"]],
    ["Developed and deployed machine learning models", ["model_serving"]],
    ["deploying predictive models", ["model_serving"]],
    ["Paper at NeurIPS 2022, accepted at ICLR", ["ml_venues", "ml_venues"]],
    ["sparse attention for language modeling on ImageNet", ["attention", "nlp", "computer_vision"]],
  ] as const)("%s", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});
