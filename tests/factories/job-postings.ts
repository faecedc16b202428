// Short job postings written for the tests of server/jd, each showing one way postings are
// written: headings of different kinds, inline markers, years in words and ranges, proxy
// wording, degree requirements, a platform role and a research role. Invented text.

export const PLATFORM_POSTING = `ML Platform Engineer
Acme Robotics

About us
We build warehouse robots. Our team is young and energetic, and we value cultural fit.

What you'll do
- Build and run the model serving infrastructure on Kubernetes
- Own CI/CD for models and the feature store
- Set up model monitoring and drift detection with Prometheus and Grafana

Requirements
- 5+ years of experience in backend or infrastructure engineering
- Strong Python and Go
- Experience with Docker and Kubernetes in production
- Terraform and AWS
- Bachelor's degree in Computer Science or a related field

Nice to have
- Experience with Kubeflow or MLflow
- Familiarity with PyTorch

Benefits
- Annual bonus and equity
`;

export const RESEARCH_POSTING = `Research Scientist, Applied Machine Learning

In this role you will design new transformer architectures and run large-scale training experiments.

Qualifications:
* Ph.D. in machine learning, statistics or a related field
* At least three years of research experience in deep learning
* Publications at top-tier conferences; a degree from a top-tier university
* Expert in PyTorch or JAX; distributed training with FSDP or DeepSpeed
* Strong background in statistics and model evaluation

Preferred qualifications:
* Experience with reinforcement learning
* Native English speaker
`;

export const INLINE_POSTING = `Machine Learning Engineer

We are looking for a machine learning engineer who has shipped models to production. Experience with Python and SQL is required. Knowledge of Spark is a plus. Ideally you have used Airflow.

You will have 3-5 years of experience building data pipelines, preferably with Kafka.
Experience with version control, preferably Git.
Digital natives and recent graduates welcome.
`;

export const MARKDOWN_POSTING = `# Senior ML Engineer, Recommendations

## What you'll need
- **Minimum of 2 years** of experience with recommendation systems
- Python, PyTorch and A/B testing
- Excellent communication skills and a customer-first mindset
- Active security clearance

## Bonus
- Experience with Elasticsearch
`;

/** Basic / preferred qualifications, abbreviations of degrees, years in words with digits. */
export const QUALIFICATIONS_POSTING = `Machine Learning Engineer, Search Ranking

**Basic Qualifications:**
- BS/MS in Computer Science or a related field
- Five (5) years minimum of software development
- Experience with Java or Scala, and SQL
- English as a first language

**Preferred Qualifications:**
- Experience with learning to rank and Elasticsearch
- Kafka is an asset
- Graduated from one of the top universities

**Good-to-have**
- Spark
`;

/** No headings at all: requirements in running text. */
export const RUNNING_TEXT_POSTING = `Applied ML Engineer
We need someone with experience in Python, PyTorch and Docker to build our fraud detection models. Knowledge of Airflow would be helpful. We have no requirement on degrees. The role pays well and offers up to 30 days of leave.
`;

/** A posting scraped from a job board with its line breaks lost. */
export const RUN_ON_POSTING = `Machine Learning Engineer
We are a logistics company building routing models for thousands of drivers across Europe, and our small ML team owns everything from data to deployment. Responsibilities: • Build and deploy forecasting models • Maintain our Airflow pipelines • Work with product managers on experiments Requirements: • 3+ years of experience as an ML engineer • Python and SQL • Experience with Docker and AWS Nice to have: • Kubernetes • Terraform Benefits: • Remote work • Learning budget of 1,000 EUR per year for books, courses and conferences of your choice
`;
