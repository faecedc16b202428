import { describe, expect, it } from "vitest";
import { extractResumeFacts } from "../resume/extract-resume-facts.ts";
import { scoreResume } from "./score-resume.ts";
import { RequisitionWeightsSchema } from "../ranking/weights-schema.ts";

const now = new Date("2026-11-22T00:00:00Z");

function score(text: string, weights = RequisitionWeightsSchema.parse({})) {
  return scoreResume(text, extractResumeFacts(text, { now }), { now, weights });
}

const area = (result: ReturnType<typeof score>, id: string) => result.areas.find((a) => a.id === id)!;

function resume(parts: {
  header?: string;
  title?: string;
  experience?: string[];
  skills?: string;
  projects?: string[];
  education?: string;
}) {
  return [
    parts.header ?? "Alex Morgan\nalex.morgan@example.com | +1 555 010 2030 | Lisbon, Portugal",
    "",
    "EXPERIENCE",
    parts.title ?? "Software Engineer, Acme Corp",
    "Jan 2021 - Present",
    ...(parts.experience ?? ["- Maintained internal tools."]).map((b) => (b.startsWith("-") ? b : `- ${b}`)),
    "",
    ...(parts.projects ? ["PROJECTS", ...parts.projects.map((p) => `- ${p}`), ""] : []),
    "EDUCATION",
    parts.education ?? "B.Sc. Computer Science, University of Porto, 2020",
    "",
    "SKILLS",
    parts.skills ?? "Python",
    "",
  ].join("\n");
}

describe("evidence weighting", () => {
  it("a skill shown in a professional role counts more than the same skill in a project, and a project more than a skills list", () => {
    const inRole = score(resume({ experience: ["Deployed services on Kubernetes with Helm."] }));
    const titledList = score(resume({ skills: "Kubernetes, Helm" }));
    const notSoftware = { title: "Operations Analyst, Acme Corp", experience: ["Wrote build scripts in Python."] };
    const inProject = score(resume({ ...notSoftware, projects: ["Deployed a toy service on Kubernetes with Helm."] }));
    const inList = score(resume({ ...notSoftware, skills: "Python, Kubernetes, Helm" }));
    const k = (r: ReturnType<typeof score>) => area(r, "containers_orchestration").score;
    expect(k(inRole)).toBeGreaterThan(k(titledList));
    expect(k(inRole)).toBeGreaterThan(k(inProject));
    expect(k(inProject)).toBeGreaterThan(k(inList));
    // A software engineer's own skills list testifies to that work: more than a list, less than a bullet.
    expect(k(titledList)).toBeGreaterThan(k(inList));
  });

  it("quantified production impact strengthens production evidence", () => {
    const plain = score(resume({ experience: ["Built a model serving API with FastAPI."] }));
    const quantified = score(
      resume({ experience: ["Built a model serving API with FastAPI serving 12k requests per second at p99 40 ms."] }),
    );
    expect(area(quantified, "serving_apis").score).toBeGreaterThan(area(plain, "serving_apis").score);
  });

  it("hedges lower the weight", () => {
    const sure = score(resume({ experience: ["Trained PyTorch models for ranking."] }));
    const hedged = score(resume({ experience: ["Basic familiarity with PyTorch; never deployed a model."] }));
    expect(area(hedged, "ml_frameworks").score).toBeLessThan(area(sure, "ml_frameworks").score);
  });

  it("a list of 60 buzzwords does not buy a high score", () => {
    const buzzwords =
      "PyTorch, TensorFlow, Keras, JAX, scikit-learn, XGBoost, LightGBM, CatBoost, Transformers, BERT, GPT, LLMs, RAG, LoRA, CNN, RNN, LSTM, GANs, diffusion models, reinforcement learning, " +
      "MLflow, Kubeflow, Weights & Biases, DVC, Feast, feature store, model registry, drift detection, A/B testing, cross-validation, hyperparameter tuning, Optuna, Ray, Horovod, DeepSpeed, " +
      "Kubernetes, Docker, Helm, Terraform, AWS, GCP, Azure, SageMaker, Vertex AI, Spark, Kafka, Airflow, dbt, Snowflake, BigQuery, FastAPI, Flask, gRPC, Triton, TensorRT, ONNX, vLLM, Prometheus, Grafana";
    const bullets = ["Managed a retail store team of 12 people.", "Ran weekly inventory counts."];
    const stuffer = score(resume({ title: "Store Manager, Acme Retail", experience: bullets, skills: buzzwords }));
    expect(stuffer.scores.production).toBeLessThan(25);
    expect(stuffer.scores.ml).toBeLessThan(25);
    expect(stuffer.skills.length).toBeGreaterThan(40);
    // Under a software engineer's title the list is corroborated and the title shows the
    // fundamentals, but sixty names still do not make "solid" production or any real ML.
    const titled = score(resume({ experience: bullets, skills: buzzwords }));
    expect(titled.scores.production).toBeLessThan(40);
    expect(titled.scores.ml).toBeLessThan(25);
  });

  it("every evidence span points at its line in the text", () => {
    const text = resume({
      experience: ["Served PyTorch models behind FastAPI on Kubernetes, cutting p99 latency by 35%."],
      skills: "Python, SQL, Docker",
    });
    const result = score(text);
    const spans = result.areas.flatMap((a) => a.evidence);
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it("is deterministic", () => {
    const text = resume({
      experience: ["Built Spark pipelines in Airflow; trained XGBoost models; monitored drift with Evidently."],
    });
    expect(score(text)).toEqual(score(text));
  });
});

describe("fairness: identity never changes a score", () => {
  const base = {
    experience: [
      "Served PyTorch ranking models behind FastAPI on Kubernetes at 8k QPS.",
      "Built feature pipelines in Spark and Airflow; tracked experiments in MLflow.",
      "Ran A/B tests and offline evaluation (NDCG, recall@k) for the recommender.",
    ],
    skills: "Python, SQL, Docker, Terraform, AWS",
  };
  const identities = [
    {
      header: "Alex Morgan\nalex.morgan@example.com | +1 555 010 2030 | Lisbon, Portugal",
      education: "B.Sc. Computer Science, University of Porto, 2020",
    },
    {
      header: "Julia Go\njulia.go@example.org | +44 20 7946 0000 | github.com/juliago | Spark, Nevada",
      education: "B.Sc. Computer Science, Stanford University, 2020",
    },
    {
      header: "Ngozi Okonkwo-Adeyemi\nngozi@example.net | +234 803 555 0100 | Lagos, Nigeria",
      education: "B.Sc. Computer Science, Kubernetes Institute of Docker Technology, 2020",
    },
    {
      header: "Zoë Ñúñez\nzoe.nunez@example.com · +52 55 5555 0101 · linkedin.com/in/zoe-nunez · Ciudad de México",
      education: "B.Sc. Computer Science, PyTorch College of Machine Learning and Spark, 2020",
    },
    {
      header: "李 伟\nli.wei@example.cn | 138-1234-5678 | Rust, Go Province",
      education: "B.Sc. Computer Science, Tsinghua University, 2020",
    },
  ];
  it("scores the same résumé identically under different names, contacts, locations and schools", () => {
    const results = identities.map((identity) => score(resume({ ...base, ...identity })));
    const comparable = (r: ReturnType<typeof score>) => ({
      scores: r.scores,
      areas: r.areas.map((a) => [a.id, a.score]),
      skills: r.skills.map((s) => s.id),
      gaps: r.gaps,
      background: r.background,
    });
    for (const result of results.slice(1)) expect(comparable(result)).toEqual(comparable(results[0]!));
  });
});

describe("requisition weights", () => {
  const text = resume({
    experience: [
      "Served models behind FastAPI on Kubernetes with Prometheus alerts and Terraform-managed AWS.",
      "Wrote CI pipelines in GitHub Actions with pytest.",
    ],
    skills: "PyTorch",
  });
  it("balance strictness pulls a one-sided candidate down", () => {
    const lenient = score(text, RequisitionWeightsSchema.parse({ balanceStrictness: 0 }));
    const strict = score(text, RequisitionWeightsSchema.parse({ balanceStrictness: 1 }));
    expect(strict.scores.overall).toBeLessThan(lenient.scores.overall);
    expect(strict.scores.production).toBe(lenient.scores.production);
  });
  it("production weight 1 makes overall the production score", () => {
    const result = score(text, RequisitionWeightsSchema.parse({ productionWeight: 1 }));
    expect(result.scores.overall).toBe(result.scores.production);
  });
  it("an area weighted 0 is never named as a gap", () => {
    const all = score(text);
    expect(all.gaps.length).toBeGreaterThan(0);
    const ignored = Object.fromEntries(all.gaps.map((g) => [g, 0]));
    const result = score(text, RequisitionWeightsSchema.parse({ areaWeights: ignored }));
    for (const gap of all.gaps) expect(result.gaps).not.toContain(gap);
  });
});
