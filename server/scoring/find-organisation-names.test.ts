import { describe, expect, it } from "vitest";
import { findOrganisationNames } from "./find-organisation-names.ts";

const names = (text: string) => findOrganisationNames(text).map((span) => span.text);

describe("findOrganisationNames", () => {
  it("finds employers by their legal form, skill words included", () => {
    expect(names("Data Engineer, Kafka Streams HPC Ltd, Pune")).toContain("Kafka Streams HPC Ltd");
    expect(names("Worked at Docker Technologies Pvt. Ltd. on payroll")).toContain("Docker Technologies Pvt. Ltd.");
  });

  it("finds schools with the words before and after", () => {
    expect(names("B.Sc., Kubernetes Institute of Docker Technology, 2019")).toContain(
      "Kubernetes Institute of Docker Technology",
    );
  });

  it("finds placeholders and label-line values", () => {
    expect(names("Analyst Company Name City , State")).toContain("Company Name");
    expect(names("company - Spark Networks SE\ndescription - built pipelines")).toContain("Spark Networks SE");
    expect(names("Client: TensorFlow Bank (2019 - 2021)")).toContain("TensorFlow Bank");
  });

  it("leaves skills lines and skill headings alone", () => {
    expect(names("Python, Docker, Kubernetes, Convolutional Neural Networks, Distributed Systems")).toEqual([]);
    expect(names("Big Data Technologies: Hadoop, Spark, Hive")).toEqual([]);
    expect(names("Built Docker images for the group")).toEqual([]);
  });

  it("stays linear on pathological input", () => {
    const text = "Aaaa ".repeat(20000) + "\n" + "Company: ".repeat(5000);
    const start = performance.now();
    findOrganisationNames(text);
    expect(performance.now() - start).toBeLessThan(300);
  });
});
