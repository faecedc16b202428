// Contact details found in the text of a résumé. Each field is null (or empty) when nothing
// trustworthy is found: values are never guessed.
import type { Contact } from "../contract/screening-result.ts";
import { findEmail } from "./find-email.ts";
import { findLinks } from "./find-links.ts";
import { findName } from "./find-name.ts";
import { findPhone } from "./find-phone.ts";

export function extractContact(text: string): Contact {
  return {
    name: findName(text),
    email: findEmail(text),
    phone: findPhone(text),
    links: findLinks(text),
  };
}
