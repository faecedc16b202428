import { describe, expect, it } from "vitest";
import { findSkillMentions } from "./index.ts";
import { HEDGES } from "./hedges.ts";

/** The hedge of each mention, keyed by its text. */
const hedges = (text: string) =>
  Object.fromEntries(findSkillMentions(text).map((mention) => [mention.text, mention.hedge]));

describe("hedges", () => {
  it.each([
    ["Familiar with Docker and Kubernetes", { Docker: 0.6, Kubernetes: 0.6 }],
    ["Expert in Python, familiar with Rust", { Python: 1, Rust: 0.6 }],
    ["Familiarity with Terraform. Built APIs in FastAPI.", { Terraform: 0.6, APIs: 1, FastAPI: 1 }],
    ["Basic knowledge of SQL; Spark in production", { SQL: 0.5, Spark: 1 }],
    ["Python (expert), Docker (basic)", { Python: 1, Docker: 0.5 }],
    ["Kubernetes: beginner, Terraform: advanced", { Kubernetes: 0.4, Terraform: 1 }],
    ["Rust - learning", { Rust: 0.35 }],
    ["Currently learning Kubernetes and Helm", { Kubernetes: 0.35, Helm: 0.35 }],
    ["Machine learning with PyTorch", { "Machine learning": 1, PyTorch: 1 }],
    ["Exposure to Airflow", { Airflow: 0.45 }],
    ["Some experience with MLflow", { MLflow: 0.6 }],
    ["Interested in MLOps", { MLOps: 0.2 }],
    ["Would like to learn CUDA", { CUDA: 0.2 }],
    ["Coursework in statistics and deep learning", { statistics: 0.6, "deep learning": 0.6 }],
    ["Relevant coursework: Bayesian inference, NLP", { "Bayesian inference": 0.6, NLP: 0.6 }],
    ["Introductory course on TensorFlow", { TensorFlow: 0.45 }],
    ["Received training in Docker and Kubernetes", { Docker: 0.6, Kubernetes: 0.6 }],
    ["Attended vendor training on Terraform", { Terraform: 0.6 }],
    ["Led training in Kubernetes for the team", { Kubernetes: 1 }],
    ["Python (familiar with pandas), Java", { Python: 1, pandas: 0.6, Java: 1 }],
  ] as const)("%s", (text, expected) => {
    expect(hedges(text)).toEqual(expected);
  });

  it("lowers production evidence much more than ML evidence when the work was never deployed", () => {
    const mentions = findSkillMentions("Built a churn model in PyTorch with a Flask API, never deployed");
    expect(mentions.map((mention) => [mention.text, mention.hedge])).toEqual([
      ["churn model", 0.8],
      ["PyTorch", 0.8],
      ["Flask API", 0.25],
    ]);
  });

  it("stays inside its clause: a sentence end, a line break, a bullet or a semicolon stops it", () => {
    expect(hedges("Familiar with Go. Python and Docker in production")).toEqual({ Go: 0.6, Python: 1, Docker: 1 });
    expect(hedges("Basic Docker\nKubernetes at scale")).toEqual({ Docker: 0.5, Kubernetes: 1 });
    expect(hedges("• familiar with Kafka • Spark pipelines")).toEqual({ Kafka: 0.6, Spark: 1 });
    expect(hedges("Exposure to Terraform; owned AWS accounts")).toEqual({ Terraform: 0.45, AWS: 1 });
  });

  it("keeps the lowest factor when hedges stack", () => {
    expect(hedges("Basic familiarity with Docker, currently learning Kubernetes")).toEqual({
      Docker: 0.5,
      Kubernetes: 0.35,
    });
  });

  it("defines factors in [0, 1] with unique ids", () => {
    expect(new Set(HEDGES.map((hedge) => hedge.id)).size).toBe(HEDGES.length);
    for (const hedge of HEDGES) {
      const factors = typeof hedge.factor === "number" ? [hedge.factor] : Object.values(hedge.factor);
      for (const factor of factors) {
        expect(factor).toBeGreaterThan(0);
        expect(factor).toBeLessThanOrEqual(1);
      }
    }
  });
});
