// The signed-in user in the top bar: who and which role, the account page, and sign-out.
import { Form, Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  // A <details> stays open across client-side navigation: close it when the page changes,
  // and when the user clicks elsewhere or presses Escape.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.key]);
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !details.contains(event.target as Node))
        details.open = false;
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
  return (
    <details className="user-menu" data-testid="user-menu" ref={menu}>
      {/* Named by its visible text (axe: label-content-name-mismatch), with a hidden prefix. */}
      <summary className="user-menu__button">
        <span className="visually-hidden">Account menu: </span>
        <span className="user-menu__avatar" aria-hidden="true">
          {initials}
        </span>
        <span className="user-menu__who">
          <span className="user-menu__name" data-testid="user-name">
            {name}
          </span>
          <span className="user-menu__role" data-testid="user-role">
            {roleLabel}
          </span>
        </span>
        <span className="user-menu__caret" aria-hidden="true">
          ▾
        </span>
      </summary>
      <div className="user-menu__panel">
        <p className="user-menu__email">{email}</p>
        <Link to="/account" className="user-menu__item">
          Account and password
        </Link>
        <Form method="post" action="/logout" reloadDocument>
          <button type="submit" className="user-menu__item user-menu__item--button" data-testid="sign-out">
            Sign out
          </button>
        </Form>
      </div>
    </details>
  );
}
