/** Where to go after signing in: only same-app paths, never another origin ("//evil", "https:"). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/setup')) return '/';
  return next;
}
