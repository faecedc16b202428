// Bull Board, the queue dashboard, mounted at /admin/queues for admins only. It is plain Express
// (outside Remix), so the session is checked here with the same session store and permission
// matrix as the Remix guards: anonymous visitors go to the sign-in page, other roles get 403.
// Bull Board's page asks for Google Fonts, which our CSP (font-src/style-src 'self') blocks and
// which would tell Google who opens the dashboard: the link is removed from its HTML, and the page
// falls back to the system fonts its CSS names next. Its header menu links back to the app.
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Queue } from "bullmq";
import { Router, type Request, type RequestHandler } from "express";
import { roleAllows } from "../auth/permissions.ts";
import { getSessionUser, sessionTokenFromCookieHeader } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

/** Admits admins; redirects anonymous page views to /login; refuses everyone else with 403. */
export function requireQueueDashboardUser(getDb: () => Db): RequestHandler {
  return async (req: Request, res, next) => {
    try {
      const user = await getSessionUser(getDb(), sessionTokenFromCookieHeader(req.get("cookie")));
      if (!user) {
        if (req.method === "GET" && !req.originalUrl.startsWith(`${QUEUE_DASHBOARD_PATH}/api/`)) {
          res.redirect(302, `/login?redirectTo=${encodeURIComponent(req.originalUrl)}`);
        } else {
          res
            .status(401)
            .type("text/plain; charset=utf-8")
            .send("401 Unauthorized: sign in to open the queue dashboard.\n");
        }
        return;
      }
      if (!roleAllows(user.role, "queue.dashboard")) {
        res
          .status(403)
          .type("text/plain; charset=utf-8")
          .send("403 Forbidden: only admins can open the queue dashboard.\n");
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Where the dashboard's "back" link goes. */
export const QUEUE_DASHBOARD_BACK_LINK = { text: "← Back to MLE Screening", url: "/requisitions" };

/** Removes stylesheet and preconnect links to Google Fonts from an HTML page. */
export function withoutExternalFonts(html: string): string {
  return html.replace(/<link\b[^>]*\bhref=["']https?:\/\/fonts\.(?:googleapis|gstatic)\.com[^>]*>[ \t]*\r?\n?/gi, "");
}

/** Rewrites the HTML Bull Board sends (its entry page) without external fonts. */
const stripExternalFonts: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = ((body?: unknown) =>
    send(
      typeof body === "string" && /^\s*<!doctype html/i.test(body) ? withoutExternalFonts(body) : body,
    )) as typeof res.send;
  next();
};

/** The dashboard's router, showing the given queues. */
export function queueDashboardRouter(queues: Queue[]) {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: {
      uiConfig: {
        boardTitle: "MLE Screening queues",
        // Shown in the header's menu.
        miscLinks: [QUEUE_DASHBOARD_BACK_LINK],
      },
    },
  });
  const router = Router();
  router.use(stripExternalFonts, serverAdapter.getRouter() as RequestHandler);
  return router;
}
