import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  AREA_IDS,
  AREAS,
  CONTEXT_RULES,
  SKILLS,
  compileSkillMatcher,
  findSkillMentions,
  getArea,
  getSkill,
  skillsByArea,
} from "./index.ts";
import { normalizeAlias } from "./tokenize.ts";

// Every tool and practice the guide names, with the skill it must resolve to.
const GUIDE_NAMED: [string, string][] = [
  ["Python", "python"],
  ["NumPy", "numpy"],
  ["Pandas", "pandas"],
  ["scikit-learn", "sklearn"],
  ["TensorFlow", "tensorflow"],
  ["PyTorch", "pytorch"],
  ["Keras", "keras"],
  ["Java", "java"],
  ["Scala", "scala"],
  ["C++", "cpp"],
  ["SQL", "sql"],
  ["Apache Spark", "spark"],
  ["Hadoop", "hadoop"],
  ["Kafka", "kafka"],
  ["Amazon Web Services", "aws"],
  ["AWS", "aws"],
  ["Google Cloud Platform", "gcp"],
  ["GCP", "gcp"],
  ["Microsoft Azure", "azure"],
  ["AWS SageMaker", "sagemaker"],
  ["Google AI Platform", "vertex_ai"],
  ["Vertex AI", "vertex_ai"],
  ["Azure Machine Learning", "azure_ml"],
  ["CI/CD tools (Jenkins, GitLab CI)", "jenkins"],
  ["GitLab CI", "gitlab_ci"],
  ["Docker", "docker"],
  ["Kubernetes", "kubernetes"],
  ["managed Kubernetes", "managed_kubernetes"],
  ["Terraform", "terraform"],
  ["Flask", "flask"],
  ["FastAPI", "fastapi"],
  ["REST API", "rest_api"],
  ["AWS Elastic Beanstalk", "elastic_beanstalk"],
  ["Google Cloud Run", "cloud_run"],
  ["Heroku", "heroku"],
  ["GitHub", "git"],
  ["Jupyter notebook", "jupyter"],
  ["MLflow", "mlflow"],
  ["Weights & Biases", "wandb"],
  ["feature stores", "feature_store"],
  ["experiment tracking", "experiment_tracking"],
  ["model versioning", "model_versioning"],
  ["automated retraining", "retraining"],
  ["continuous integration", "cicd"],
  ["CI/CD", "cicd"],
  ["infrastructure as code", "iac"],
  ["containerization", "containerization"],
  ["object storage", "object_storage"],
  ["GPU instances", "gpu_instances"],
  ["model quantization", "quantization"],
  ["batching strategies", "batching"],
  ["latency budgets", "latency"],
  ["A/B testing", "ab_testing"],
  ["graceful degradation", "graceful_degradation"],
  ["model drift", "drift_detection"],
  ["concept drift", "drift_detection"],
  ["model evaluation", "model_evaluation"],
  ["overfitting", "overfitting"],
  ["tuning hyperparameters", "hyperparameter_tuning"],
  ["feature engineering", "feature_engineering"],
  ["feature pipelines", "feature_pipelines"],
  ["data pipelines", "data_pipelines"],
  ["data quality", "data_quality"],
  ["statistics", "statistics"],
  ["code review", "code_review"],
  ["version control", "git"],
  ["system design", "system_design"],
  ["distributed systems", "distributed_systems"],
  ["object-oriented programming", "oop"],
  ["data structures", "dsa"],
  ["API design, and documentation", "documentation"],
  ["neural network", "neural_networks"],
  ["Natural Language Processing", "nlp"],
  ["Computer Vision", "computer_vision"],
  ["Recommendation Systems", "recommender_systems"],
  ["search ranking", "search_ranking"],
  ["fraud detection", "fraud_detection"],
  ["autonomous systems", "autonomous_systems"],
  ["advertising platforms", "ctr_prediction"],
  ["chatbots", "conversational_ai"],
  ["sentiment analysis", "nlp"],
  // As the guide writes it: among computer vision's applications, not a radiology department.
  ["used in applications like autonomous vehicles, medical imaging, and facial recognition", "computer_vision"],
  ["churn prediction", "churn_prediction"],
  ["model monitoring", "model_monitoring"],
  ["MLOps", "mlops"],
  ["CI/CD for ML", "ml_cicd"],
  ["batch prediction", "batch_prediction"],
  ["real-time inference", "model_serving"],
];

describe("taxonomy integrity", () => {
  it("has at least 150 skills with unique, snake_case ids", () => {
    expect(SKILLS.length).toBeGreaterThanOrEqual(150);
    const ids = SKILLS.map((skill) => skill.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it("covers both dimensions with seven areas each, every area with at least 5 skills", () => {
    expect(AREAS.map((area) => area.id)).toEqual([...AREA_IDS]);
    expect(AREAS.filter((area) => area.dimension === "production")).toHaveLength(7);
    expect(AREAS.filter((area) => area.dimension === "ml")).toHaveLength(7);
    for (const area of AREAS) expect(skillsByArea(area.id).length, area.id).toBeGreaterThanOrEqual(5);
    for (const skill of SKILLS) expect(AREA_IDS, skill.id).toContain(skill.area);
  });

  it("words every gap with the dimension first, as the guide does", () => {
    for (const area of AREAS) {
      const prefix = area.dimension === "production" ? "Production engineering: " : "ML depth: ";
      expect(area.guideLabel.startsWith(prefix), area.id).toBe(true);
    }
  });

  it("gives every alias to exactly one skill, after normalisation, with no redundant spellings", () => {
    // No exceptions today; a deliberate one would be listed here with its reason.
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const skill of SKILLS) {
      for (const alias of [skill.name, ...skill.aliases]) {
        const key = normalizeAlias(alias);
        const previous = owner.get(key);
        if (previous !== undefined) clashes.push(`"${alias}" (${skill.id}) = "${key}" (${previous})`);
        owner.set(key, skill.id);
      }
    }
    expect(clashes).toEqual([]);
    expect(() => compileSkillMatcher(SKILLS)).not.toThrow();
  });

  it("refuses a taxonomy in which two skills claim one alias", () => {
    const [first, second] = SKILLS;
    expect(() => compileSkillMatcher([first!, { ...second!, aliases: [first!.name.toUpperCase()] }])).toThrow(
      /already belongs/,
    );
  });

  it("keeps weights within 0.5–1.5", () => {
    for (const skill of SKILLS) {
      const weight = skill.weight ?? 1;
      expect(weight, skill.id).toBeGreaterThanOrEqual(0.5);
      expect(weight, skill.id).toBeLessThanOrEqual(1.5);
    }
  });

  it("guards only match strings that exist on a skill using the rule", () => {
    for (const [id, rule] of Object.entries(CONTEXT_RULES)) {
      const users = SKILLS.filter((skill) => ([skill.context].flat() as unknown[]).includes(id));
      expect(users.length, id).toBeGreaterThan(0);
      const strings = new Set(users.flatMap((skill) => [skill.name, ...skill.aliases]).map(normalizeAlias));
      for (const guard of ("guards" in rule ? rule.guards : []) ?? [])
        expect(strings.has(normalizeAlias(guard)), `${id}: ${guard}`).toBe(true);
    }
  });

  it.each(GUIDE_NAMED)("contains the guide's %s", (phrase, skillId) => {
    const skill = getSkill(skillId);
    expect(skill, skillId).toBeDefined();
    expect(skill!.guide, skillId).toBe(true);
    expect(findSkillMentions(phrase).map((mention) => mention.skillId)).toContain(skillId);
  });

  it("looks skills and areas up by id", () => {
    expect(getSkill("kubernetes")?.name).toBe("Kubernetes");
    expect(getSkill("nope")).toBeUndefined();
    expect(getArea("evaluation_experimentation")?.guideLabel).toBe("ML depth: model evaluation");
    expect(getArea("nope")).toBeUndefined();
  });
});

describe("area citations", () => {
  const guideDir = fileURLToPath(new URL("../../../shared/guide/", import.meta.url));
  const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

  it.each(AREAS.map((area) => [area.id, area.citation]))("%s cites a guide file in under 25 words", (_, citation) => {
    const match = /^(ml-engineer-(?:career-guide|role-in-practice)\.txt): "(.+)"$/.exec(citation);
    expect(match, citation).not.toBeNull();
    expect(match![2]!.split(/\s+/).length).toBeLessThan(25);
  });

  it.skipIf(!existsSync(guideDir))("quotes the guide verbatim", () => {
    for (const area of AREAS) {
      const [, file, quote] = /^(\S+): "(.+)"$/.exec(area.citation)!;
      const guide = normalise(readFileSync(`${guideDir}${file}`, "utf8"));
      expect(guide, area.id).toContain(normalise(quote!));
    }
  });
});
