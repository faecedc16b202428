// The fourteen areas of the two dimensions of the guide's "dual requirement": seven of production
// engineering and seven of ML depth. Every area quotes the guide sentence it comes from, so a
// reviewer can check that the taxonomy says what the guide says and nothing more.
import type { Dimension } from "../contract/screening-result.ts";

export const AREA_IDS = [
  "serving_apis",
  "containers_orchestration",
  "cicd_testing_quality",
  "data_pipelines_sql",
  "cloud_iac",
  "monitoring_reliability",
  "inference_performance",
  "ml_frameworks",
  "deep_learning",
  "classical_ml_stats",
  "evaluation_experimentation",
  "training_at_scale",
  "mlops_lifecycle",
  "applied_specialisations",
] as const;
export type AreaId = (typeof AREA_IDS)[number];

export interface Area {
  id: AreaId;
  dimension: Dimension;
  name: string;
  /** How a gap in this area is worded to a recruiter: "<dimension>: <guide words>". */
  guideLabel: string;
  description: string;
  /** The guide sentence the area comes from (< 25 words), prefixed with its file name. */
  citation: string;
}

const ROLE = "ml-engineer-role-in-practice.txt";
const CAREER = "ml-engineer-career-guide.txt";

export const AREAS: readonly Area[] = [
  {
    id: "serving_apis",
    dimension: "production",
    name: "Serving and APIs",
    guideLabel: "Production engineering: deployment and serving",
    description:
      "Model serving (real-time and batch), API design (REST, gRPC), backend services, system design and rollout of models.",
    citation: `${ROLE}: "Model deployment and serving knowledge is the core differentiator."`,
  },
  {
    id: "containers_orchestration",
    dimension: "production",
    name: "Containers and orchestration",
    guideLabel: "Production engineering: containerization and orchestration",
    description:
      "Docker images, Kubernetes (managed or not), Helm, autoscaling: how a model becomes a containerized service.",
    citation: `${ROLE}: "Docker and Kubernetes are genuinely required for deployment. ML models are deployed as containerized services."`,
  },
  {
    id: "cicd_testing_quality",
    dimension: "production",
    name: "CI/CD, testing and code quality",
    guideLabel: "Production engineering: software engineering fundamentals (testing, CI/CD, code review)",
    description:
      "Continuous integration and delivery, automated tests, code review, version control, code quality and the programming languages production code is written in.",
    citation: `${ROLE}: "Testing, code review, version control, CI/CD, API design, and documentation are expected at the same level as any other software engineering role."`,
  },
  {
    id: "data_pipelines_sql",
    dimension: "production",
    name: "Data pipelines, SQL and big data",
    guideLabel: "Production engineering: data pipelines and SQL",
    description:
      "SQL and databases, batch and streaming pipelines (Spark, Kafka, Airflow), feature pipelines, warehouses and data quality.",
    citation: `${CAREER}: "Proficiency in SQL for data querying and experience with big data technologies like Apache Spark, Hadoop, and Kafka are crucial"`,
  },
  {
    id: "cloud_iac",
    dimension: "production",
    name: "Cloud and infrastructure as code",
    guideLabel: "Production engineering: cloud platforms and infrastructure as code",
    description:
      "AWS, GCP, Azure and their ML services (SageMaker, Vertex AI, Azure ML), compute and storage, Terraform and other infrastructure as code.",
    citation: `${ROLE}: "ML engineering involves cloud-specific services: SageMaker (AWS), Vertex AI (GCP), GPU instances, object storage, and managed Kubernetes."`,
  },
  {
    id: "monitoring_reliability",
    dimension: "production",
    name: "Monitoring, reliability and incident response",
    guideLabel: "Production engineering: monitoring and reliability",
    description:
      "Observability (metrics, logs, traces, alerts), SLOs, on-call, incident response and postmortems, graceful degradation, load testing.",
    citation: `${CAREER}: "Implement monitoring solutions to track model performance, system health, and data quality in production."`,
  },
  {
    id: "inference_performance",
    dimension: "production",
    name: "Inference performance",
    guideLabel: "Production engineering: inference optimization (latency, batching, quantization)",
    description:
      "Latency budgets and throughput, batching, quantization, distillation and pruning, inference runtimes (ONNX, TensorRT, vLLM), GPUs and other hardware.",
    citation: `${ROLE}: "Optimizing model inference speed and resource usage: model quantization, batching strategies, or hardware-specific optimization"`,
  },
  {
    id: "ml_frameworks",
    dimension: "ml",
    name: "ML frameworks",
    guideLabel: "ML depth: ML and deep learning frameworks",
    description:
      "PyTorch, TensorFlow, Keras, JAX, scikit-learn, gradient-boosting libraries and the Python data stack (NumPy, Pandas).",
    citation: `${CAREER}: "Deep hands-on experience with ML and deep learning frameworks is a core requirement."`,
  },
  {
    id: "deep_learning",
    dimension: "ml",
    name: "Deep learning and architectures",
    guideLabel: "ML depth: deep learning",
    description:
      "Neural networks and how they learn, CNNs, RNNs, transformers and attention, embeddings, fine-tuning, generative models.",
    citation: `${ROLE}: "Deep learning knowledge is required but the depth varies."`,
  },
  {
    id: "classical_ml_stats",
    dimension: "ml",
    name: "Classical ML and statistics",
    guideLabel: "ML depth: algorithms and statistics",
    description:
      "Statistics and hypothesis testing, regression, classification, clustering, tree ensembles, feature engineering, time series, statistical languages (R, Julia).",
    citation: `${CAREER}: "From data science, they borrow knowledge of algorithms, statistics, and model evaluation."`,
  },
  {
    id: "evaluation_experimentation",
    dimension: "ml",
    name: "Evaluation and experimentation",
    guideLabel: "ML depth: model evaluation",
    description:
      "Metrics (precision/recall, AUC, ranking metrics), validation, overfitting, calibration, A/B tests and online experiments, causal inference, explainability.",
    citation: `${ROLE}: "can you explain how a neural network learns, what overfitting means, and how to evaluate a model?"`,
  },
  {
    id: "training_at_scale",
    dimension: "ml",
    name: "Training at scale and tuning",
    guideLabel: "ML depth: model training and hyperparameter tuning",
    description:
      "Distributed and multi-GPU training (DDP, FSDP, DeepSpeed, Ray), hyperparameter tuning, training pipelines, reproducibility.",
    citation: `${CAREER}: "This includes running experiments, tuning hyperparameters, versioning models and data, and establishing frameworks for reproducible results."`,
  },
  {
    id: "mlops_lifecycle",
    dimension: "ml",
    name: "MLOps lifecycle",
    guideLabel: "ML depth: MLOps (experiment tracking, model versioning, drift, retraining)",
    description:
      "Experiment tracking, model registry and versioning, feature stores, ML pipelines, model monitoring and drift detection, automated retraining, governance.",
    citation: `${ROLE}: "Model versioning (MLflow, Weights & Biases), feature stores, experiment tracking, and automated retraining pipelines are part of the infrastructure ML engineers build"`,
  },
  {
    id: "applied_specialisations",
    dimension: "ml",
    name: "Applied specialisations",
    guideLabel: "ML depth: applied specialisation (NLP, vision, recommendation, fraud)",
    description:
      "NLP and LLMs, computer vision, recommendation and search ranking, fraud and anomaly detection, advertising, autonomous systems.",
    citation: `${ROLE}: "recommendation systems, search ranking, fraud detection, autonomous systems, NLP applications, and advertising platforms."`,
  },
];
