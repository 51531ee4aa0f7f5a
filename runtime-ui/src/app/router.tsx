import { useSyncExternalStore, type AnchorHTMLAttributes } from 'react';

/** A very small router over the History API; paths are relative to the app's base (/app/ or /admin/). */
let base = '/';

export function setBase(b: string) {
  base = b.endsWith('/') ? b : b + '/';
}

const listeners = new Set<() => void>();
function subscribe(l: () => void) {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
}

/** The current path below the base, always starting with '/'. */
export function currentPath(): string {
  const p = window.location.pathname;
  const rel = p.startsWith(base) ? p.substring(base.length) : p === base.slice(0, -1) ? '' : p.replace(/^\//, '');
  return '/' + rel;
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => currentPath() + window.location.search);
}

export function href(path: string): string {
  return base + path.replace(/^\//, '');
}

/**
 * Asked before the app moves to another page (not when a page only replaces its own address): false keeps the user
 * where they are. A page with unsaved work sets it while the work is unsaved (`null` to clear).
 */
let leaveCheck: (() => boolean) | null = null;

export function setLeaveCheck(check: (() => boolean) | null) {
  leaveCheck = check;
}

export function navigate(path: string, replace = false) {
  if (!replace && leaveCheck && !leaveCheck()) return;
  const url = href(path);
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listeners.forEach((l) => l());
  if (!replace) window.scrollTo?.(0, 0);
}

/** Matches '/responses/:id' style patterns; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const clean = path.split('?')[0];
  const ps = pattern.split('/').filter(Boolean);
  const xs = clean.split('/').filter(Boolean);
  if (ps.length !== xs.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < ps.length; i++) {
    if (ps[i].startsWith(':')) out[ps[i].substring(1)] = decodeURIComponent(xs[i]);
    else if (ps[i] !== xs[i]) return null;
  }
  return out;
}

export function query(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

export function Link({ to, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return (
    <a
      {...rest}
      href={href(to)}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    />
  );
}
