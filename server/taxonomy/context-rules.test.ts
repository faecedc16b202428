import { describe, expect, it } from "vitest";
import { findSkillMentions } from "./index.ts";

const has = (text: string, skillId: string) => findSkillMentions(text).some((mention) => mention.skillId === skillId);

describe("context rules", () => {
  it.each([
    // Go the language, not the verb
    ["Go, Python, Rust", "go", true],
    ["Built low-latency services in Go.", "go", true],
    ["Go (Golang) microservices", "go", true],
    ["Languages: Go", "go", true],
    ["Basic knowledge of Go.", "go", true],
    ["Backend in Go and gRPC", "go", true],
    ["I go to conferences", "go", false],
    ["Owned the go-to-market plan", "go", false],
    ["Go-to-market strategy for the launch", "go", false],
    ["Helped the product go live in March", "go", false],
    ["Go beyond the metrics", "go", false],
    ["Let's Go! hackathon", "go", false],
    ["GO enrichment analysis", "go", false],
    // R
    ["Python, R, SQL", "r_lang", true],
    ["Statistical modelling in R", "r_lang", true],
    ["R programming", "r_lang", true],
    ["R&D engineer", "r_lang", false],
    ["Head of R&D; Python", "r_lang", false],
    ["John R. Smith", "r_lang", false],
    ["Faster R-CNN detector", "r_lang", false],
    ["Intel(R) Xeon servers; Python", "r_lang", false],
    // Spark
    ["PySpark", "spark", true],
    ["Spark and Kafka pipelines", "spark", true],
    ["python, spark, kafka", "spark", true],
    ["sparked interest in ML", "spark", false],
    ["Workshops that spark curiosity", "spark", false],
    ["Spark interest among students", "spark", false],
    ["Mentoring to spark new ideas", "spark", false],
    // Java vs JavaScript
    ["JavaScript and TypeScript", "java", false],
    ["Java Script", "java", false],
    ["Java, Scala", "java", true],
    // C
    ["C, C++, Python", "c", true],
    ["C/C++", "c", true],
    ["C programming for embedded devices", "c", true],
    ["Series C funding", "c", false],
    ["Reported to the C-suite", "c", false],
    ["C-level stakeholders", "c", false],
    ["Objective-C, Swift", "c", false],
    ["Grade: C", "c", false],
    ["Plan C, Python", "c", false],
    // C++ and C#
    ["C++17", "cpp", true],
    ["C#", "csharp", true],
    ["C# and .NET", "c", false],
    // Julia
    ["Julia, Python, R", "julia", true],
    ["Scientific computing in Julia", "julia", true],
    ["Julia Roberts, Engineer", "julia", false],
    ["Julia Chen", "julia", false],
    ["Reference: Dr. Julia", "julia", false],
    // Rust, Swift, Scala
    ["Rust", "rust", true],
    ["Rust Belt manufacturing", "rust", false],
    ["removed rust from pipes", "rust", false],
    ["Swift and SwiftUI for iOS apps", "swift", true],
    ["Swift delivery of projects", "swift", false],
    ["SWIFT payments", "swift", false],
    ["Sang at La Scala", "scala", false],
    // Ray
    ["Distributed training with Ray", "ray", true],
    ["Ray Tune for hyperparameter search", "ray", true],
    ["Ray Chen, Engineer", "ray", false],
    ["X-ray imaging", "ray", false],
    ["Mr. Ray", "ray", false],
    // Frameworks and tools with ordinary-word twins
    ["Flask REST API", "flask", true],
    ["flask, fastapi, docker", "flask", true],
    ["Filled an Erlenmeyer flask", "flask", false],
    ["Airflow DAGs", "airflow", true],
    ["Improved airflow in the cooling system", "airflow", false],
    ["Keras", "keras", true],
    ["Docker", "docker", true],
    ["Worked as a docker at the port", "docker", false],
    ["CI with Jenkins and GitLab CI", "jenkins", true],
    ["Jenkins pipelines", "jenkins", true],
    ["Mr. Jenkins", "jenkins", false],
    ["Reference: Sarah Jenkins, Manager", "jenkins", false],
    ["Helm charts", "helm", true],
    ["Took the helm of the project", "helm", false],
    ["BERT", "bert", true],
    ["Bert Smith", "bert", false],
    ["Feast feature store", "feature_store", true],
    ["Holiday feast for the team", "feature_store", false],
    ["Redshift and dbt", "redshift", true],
    ["Photometric redshift of galaxies", "redshift", false],
    ["Transformer models for NER", "transformers", true],
    ["Maintained electrical transformers at a substation", "transformers", false],
    ["Linear regression", "regression", true],
    ["Regression, classification", "regression", true],
    ["Fixed a latency regression", "regression", false],
    // ML is a token of its own: HTML and YAML never match it
    ["Azure ML", "azure_ml", true],
    ["HTML, YAML", "azure_ml", false],
    ["HTML, CSS, YAML", "mlops", false],
  ] as const)("%s → %s: %s", (text, skillId, expected) => {
    expect(has(text, skillId)).toBe(expected);
  });
});
