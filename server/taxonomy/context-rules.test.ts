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
    // Statistics in status reports; personalization of a shop; chat assistants used as tools
    ["Statistical modelling and statistics with SPSS", "statistics", true],
    ["Providing weekly status reports, statistics and recommendation to the upper management.", "statistics", false],
    ["Personalization models ranking the home feed", "recommender_systems", true],
    ["Business applications, personalization features, and virtual inventory management", "recommender_systems", false],
    ["Fine-tuned GPT-4 and Llama 3 for support answers", "llm", true],
    ["Built RAG over ChatGPT with LangChain", "llm", true],
    ["AI development tools: Codex, Claude Code, Cursor, GitHub Copilot, and ChatGPT.", "llm", false],
    ["Daily use of GitHub Copilot and ChatGPT for code review", "llm", false],
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
    // Medical imaging: computer vision beside ML, not the equipment a technician services
    ["Deep learning models for medical imaging segmentation", "computer_vision", true],
    ["PyTorch, medical imaging", "computer_vision", true],
    ["Installed DICOM protocol connections to TCP/IP ports for medical imaging equipment", "computer_vision", false],
    ["Radiology department, medical imaging", "computer_vision", false],
    // Monitoring: software, not patients
    ["Prometheus monitoring of services", "observability", true],
    ["Serviced patient monitoring systems and infusion pumps", "observability", false],
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
    ["Provide regression, acceptance, unit and integration testing", "regression", false],
    ["Design test automation using Katalon for improved regression test coverage", "regression", false],
    ["Trained regression and gradient-boosted models on 2M rows", "regression", true],
    // ML is a token of its own: HTML and YAML never match it
    ["Azure ML", "azure_ml", true],
    ["HTML, YAML", "azure_ml", false],
    ["HTML, CSS, YAML", "mlops", false],
  ] as const)("%s → %s: %s", (text, skillId, expected) => {
    expect(has(text, skillId)).toBe(expected);
  });
});

describe("homonyms outside software and ML (issue 12)", () => {
  it.each([
    // Electrical transformers
    ["Tested and commissioned power transformers and switchgear", "transformers", false],
    ["Maintenance of distribution transformers", "transformers", false],
    ["Fine-tuned transformers with PyTorch", "transformers", true],
    ["Customer meter data for transformer load study", "transformers", false],
    ["Transformers", "transformers", false],
    ["Transformers, BERT", "transformers", true],
    // LLM the model vs LL.M. the law degree
    ["LLM in International Law, 2015", "llm", false],
    ["LLB, LLM (Corporate Law)", "llm", false],
    ["Built RAG apps on LLMs with LangChain", "llm", true],
    // Everyday words and acronyms of other trades
    ["Prepared documentation for the audit of accounts", "documentation", false],
    ["Wrote API documentation and design docs", "documentation", true],
    ["Budgeting and Forecasting", "time_series", false],
    ["Forecasting models with ARIMA and Prophet", "time_series", true],
    [
      "Worked with product development and ETL Intertek to ensure all fixtures are certified per UL Standards.",
      "etl",
      false,
    ],
    ["Built ETL pipelines in Informatica", "etl", true],
    ["Prepared process documentations and trained the rest of the AP team", "rest_api", false],
    ["Took rest breaks as scheduled", "rest_api", false],
    // A sentence the layout wrapped: the line above is read before a mention that starts its line.
    [
      "audit and report on customer compliance and software usage\nstatistics to prepare recommendations",
      "statistics",
      false,
    ],
    ["and tracked utilization\nstatistics to increase revenue for the operations center.", "statistics", false],
    ["Completed a course in usage.\nStatistics, regression and hypothesis testing in R", "statistics", true],
    ["Built REST and SOAP services in Java", "rest_api", true],
    ["Java, Spring, Rest, Hibernate", "rest_api", true],
    ["Developed Rest web services", "rest_api", true],
    ["Designed RESTful endpoints", "rest_api", true],
    [
      "Oversaw the implementation of new inventory management and forecasting systems to Oracle EBS",
      "time_series",
      false,
    ],
    ["Skills: forecasting, scikit-learn, pandas", "time_series", true],
    ["Recorded vital statistics and test results", "statistics", false],
    ["Statistics", "statistics", true],
    ["Reviewed accounts for proper classification", "classification", false],
    ["Classification with scikit-learn", "classification", true],
    ["Packed merchandise into boxes and containers", "containerization", false],
    ["Deployed services in containers on Kubernetes", "containerization", true],
    ["Met all SLAs for customer calls", "slos", false],
    ["Defined SLAs and SLOs for the payments API", "slos", true],
    ["Anti-Money Laundering and OFAC compliance", "fraud_detection", false],
    ["AML models with XGBoost", "fraud_detection", true],
    ["Le Cordon Bleu, Pastry Arts", "llm_evaluation", false],
    ["BLEU and ROUGE with Hugging Face", "llm_evaluation", true],
    ["Underwrote Fannie Mae loans", "regression_metrics", false],
    ["RMSE, MAE and MAPE", "regression_metrics", true],
    ["Patient Care Assistant (PCA)", "dimensionality_reduction", false],
    ["PCA and t-SNE", "dimensionality_reduction", true],
    ["Active Learning, Calendaring, Client Relations", "data_labeling", false],
    ["Customer and demographic profiling", "profiling", false],
    ["Profiling CPU hot paths with py-spy", "profiling", true],
    ["Media alerts and press releases", "alerting", false],
    ["Networking events for sales leads", "networking", false],
    ["Networking: LAN/WAN, DHCP, Cisco routers", "networking", true],
    ["Spring 2019 semester", "spring_boot", false],
    ["Fall and Spring terms", "spring_boot", false],
    ["Java, Spring, Hibernate", "spring_boot", true],
    ["React to customer complaints", "frontend_frameworks", false],
    ["React, Redux and TypeScript", "frontend_frameworks", true],
    ["Cisco IOS configuration", "mobile_dev", false],
    ["iOS and Android apps", "mobile_dev", true],
    ["Ruby Smith, Manager", "ruby", false],
    ["Ruby on Rails", "web_frameworks", true],
  ] as const)("%s → %s: %s", (text, skillId, expected) => {
    expect(has(text, skillId)).toBe(expected);
  });

  it("does not read an employer whose name contains a skill as that skill", () => {
    expect(has("Data Engineer at Spark Networks", "spark")).toBe(false);
    expect(has("Analyst, HPC Ltd", "hpc")).toBe(false);
    expect(has("Spark and Kafka pipelines", "spark")).toBe(true);
    expect(has("Data Engineer at Databricks", "databricks")).toBe(false);
    expect(has("Worked at Oracle on payroll", "relational_databases")).toBe(false);
    expect(has("Joined Docker in 2019", "docker")).toBe(false);
    expect(has("Good at Python and expert at SQL", "python")).toBe(true);
    expect(has("Good at Python and expert at SQL", "sql")).toBe(true);
  });
});

describe("more homonyms (issue 12)", () => {
  it.each([
    // "Deployed" is model serving only when a model is what was deployed.
    ["Deployed automated classification and regression model.", "model_serving", true],
    ["Researched and deployed the time series forecasting model ARIMA", "model_serving", true],
    ["Deployed the application to Tomcat and WebSphere", "model_serving", false],
    ["Deployed a new data model for the billing warehouse", "model_serving", false],
    ["Deployed to 40 stores, then trained staff on the new service model", "model_serving", false],
    ["Authored and distributed training manuals for handheld computers", "distributed_training", false],
    ["Distributed training of the 7B model on 64 GPUs", "distributed_training", true],
    ["Supported Exchange Active Sync on devices with Apple iOS", "edge_deployment", false],
    ["On-device inference with TFLite", "edge_deployment", true],
    ["Veterans Benefits Administration (VBA)", "vb", false],
    ["Excel, VBA, SQL", "vb", true],
    ["Commissioned circuit breakers, relays and switchgear; MATLAB", "graceful_degradation", false],
    ["Circuit breakers and retries with Resilience4j", "graceful_degradation", true],
    ["Pickled cucumber and gherkin", "selenium", false],
    ["Cucumber, Gherkin, Selenium", "selenium", true],
    ["Mocha latte and Jasmine rice", "pytest", false],
    ["Mocha and Jest tests", "pytest", true],
    ["Statement of Account (SOA)", "microservices", false],
    ["SOA, microservices, REST", "microservices", true],
    ["Average ASP per deal", "aspnet", false],
    ["Group Policy for insurance clients", "windows_server", false],
    ["Flutter and Dart apps", "mobile_dev", true],
    // Engineering, chemistry and marketing
    ["Development of the alarm verification VIT system", "transformers", false],
    ["Fine-tuned a ViT backbone for image classification", "transformers", true],
    ["Root cause failure analysis on the component level for returned units", "error_analysis", false],
    ["Failure analysis of the classifier's false positives", "error_analysis", true],
    ["Ablation studies of the attention layers", "error_analysis", true],
    ["Uses a hydrometer for API Gravity fuel tests", "api_design", false],
    ["Inspected tanks to API 650 standards", "api_design", false],
    ["Designed the public API of the billing service", "api_design", true],
    ["Extraction, separation, distillation and purification", "distillation", false],
    ["Knowledge distillation of BERT into a small student model", "distillation", true],
    ["Pruning fruit trees and orchard maintenance", "pruning", false],
    ["Structured pruning of the ResNet model", "pruning", true],
    ["Inspects valves, pipes and hoses for any leakage", "data_leakage", false],
    ["Found target leakage in the churn features", "data_leakage", true],
    ["Checked the validation split for leakage from the training data", "data_leakage", true],
    ["Worked in the robotics lab on weldment process studies", "autonomous_systems", false],
    ["Robotics perception with PyTorch and ROS", "autonomous_systems", true],
    ["Email best practices including A/B Testing, segmentation and dynamic content", "ab_testing", false],
    ["A/B tests of subject lines for the newsletter campaigns", "ab_testing", false],
    ["Ran A/B tests of the ranking model on 5% of traffic", "ab_testing", true],
    ["Share the on-call / pager responsibility.", "on_call", false],
    ["On-call rotation for the payments services", "on_call", true],
    ["Kept the supervisor informed on PM statistics", "statistics", false],
    ["Develop Excel spreadsheets to calculate and show the statistics of reoccurring problems.", "statistics", false],
    ["Compiled statistics for site Safety Report.", "statistics", false],
    ["Work with cross-functional teams to execute completion of satellite system design", "system_design", false],
    ["Control system design for the packaging line", "system_design", false],
    ["Led the system design of the payments platform", "system_design", true],
    ["Managed audits, including PCI DSS, SAS 70, Record Retention", "stats_packages", false],
    ["maintains Controllable Pitch Propeller (CPP), Controllable Reversible Pitch (CRP) systems", "cpp", false],
    ["Languages: Java, CPP, Python", "cpp", true],
    ["managing continuous training and mentoring strategies for new and junior personnel", "retraining", false],
    ["Built continuous training pipelines for the ranking models", "retraining", true],
    ["Automated ingestion and retraining workflows using a sliding window approach", "retraining", true],
    [
      "Maintained patron satisfaction by monitoring, evaluating, and auditing food, beverage, and service offerings",
      "observability",
      false,
    ],
    [
      "maintain air compressors, air systems, alarm and indicating systems, Alarm and Monitoring systems",
      "observability",
      false,
    ],
    ["Set up monitoring of the payment services with Prometheus", "observability", true],
    ["documentation, SPC and process capability studies and the required systems/equipment", "documentation", false],
    [
      "Ensured proper documentation of phase deliverables in Products Design History and Technical Files.",
      "documentation",
      false,
    ],
    ["Replaced failed SAS drives in the storage array", "stats_packages", false],
    ["Configured SATA/SAS disks on Dell servers", "stats_packages", false],
    ["Analysed claims data in SAS 9.4 and R", "stats_packages", true],
    ["Data Science Tools: R, Base SAS, Python", "stats_packages", true],
    ["Tracked statistics and reports (weekly, monthly, annually).", "statistics", false],
    ["Estimated the probability of churn with logistic regression", "statistics", true],
    ["Managed the Exchange Server for the MSE Team", "regression_metrics", false],
    ["Forecast models evaluated by MAPE and RMSE", "regression_metrics", true],
    ["Statistics, regression and hypothesis testing in R", "statistics", true],
  ] as const)("%s → %s: %s", (text, skillId, expected) => {
    expect(has(text, skillId)).toBe(expected);
  });
});
