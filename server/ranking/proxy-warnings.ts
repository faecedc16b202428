// Warnings for weights that lean on likely proxies for protected traits (PRODUCT.md, fairness).
import type { RequisitionWeights } from "./weights-schema.ts";

export interface ProxyWarning {
  field: "minDegree" | "minYears";
  message: string;
}

export function proxyWarnings(weights: RequisitionWeights): ProxyWarning[] {
  const warnings: ProxyWarning[] = [];
  if (weights.minDegree) {
    warnings.push({
      field: "minDegree",
      message:
        'A minimum degree is a likely proxy for socioeconomic background and age, and the guide says a Ph.D. is generally not required: "practical skills and experience are often valued more highly". It only flags candidates; consider removing it.',
    });
  }
  if (weights.minYears !== null && weights.minYears >= 10) {
    warnings.push({
      field: "minYears",
      message: "A high minimum of years of experience can act as a proxy for age. Check it is needed for the role.",
    });
  }
  return warnings;
}
