import { describe, expect, it } from "vitest";
import { contentDisposition, downloadFileName, downloadHeaders } from "./download-resume.ts";

describe("download file names", () => {
  it("keeps a sane name and forces the extension of what the bytes are", () => {
    expect(downloadFileName("Jane Doe CV.pdf", "PDF")).toBe("Jane Doe CV.pdf");
    expect(downloadFileName("cv.PDF", "PDF")).toBe("cv.PDF");
    expect(downloadFileName("resume", "DOCX")).toBe("resume.docx");
    expect(downloadFileName("resume.pdf", "TXT")).toBe("resume.txt");
    expect(downloadFileName("notes.md", "TXT")).toBe("notes.md");
    expect(downloadFileName("evil.html", "TXT")).toBe("evil.html.txt");
    expect(downloadFileName("../../etc/passwd", "TXT")).toBe("passwd.txt");
  });

  it("defuses active content when the type is unknown", () => {
    expect(downloadFileName("photo.png", null)).toBe("photo.png");
    expect(downloadFileName("page.html", null)).toBe("page.html.bin");
    expect(downloadFileName("x.svg", null)).toBe("x.svg.bin");
  });

  it("sends an ASCII fallback and the exact UTF-8 name", () => {
    const header = contentDisposition('Zoë "Ng"; résumé (1).pdf');
    expect(header).toBe(
      `attachment; filename="Zoe _Ng__ resume (1).pdf"; ` +
        `filename*=UTF-8''Zo%C3%AB%20%22Ng%22%3B%20r%C3%A9sum%C3%A9%20%281%29.pdf`,
    );
    expect(contentDisposition("李雷.pdf")).toBe(
      `attachment; filename="__.pdf"; filename*=UTF-8''%E6%9D%8E%E9%9B%B7.pdf`,
    );
    // No header injection: CR/LF never reach the header.
    expect(contentDisposition("a\r\nSet-Cookie: x.pdf")).not.toMatch(/[\r\n]/);
  });
});

describe("download headers", () => {
  it("fixes the type from the sniffed format and locks the response down", () => {
    const headers = downloadHeaders("cv.pdf", "PDF", 1234);
    expect(headers.get("Content-Type")).toBe("application/pdf");
    expect(headers.get("Content-Length")).toBe("1234");
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
    expect(headers.get("Cache-Control")).toBe("private, no-store");
    expect(headers.get("Content-Disposition")).toMatch(/^attachment; filename="cv\.pdf"/);
    expect(downloadHeaders("a.docx", "DOCX", 1).get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(downloadHeaders("a.txt", "TXT", 1).get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(downloadHeaders("a.bin", null, 1).get("Content-Type")).toBe("application/octet-stream");
  });
});
