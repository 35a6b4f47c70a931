/**
 * A file path that, when too long, is cut at its start ("…/projects/Film.boardwright"). The CSS uses
 * right-to-left direction for that; the marks keep the slashes where they belong.
 */
export function PathText({ path, className = '', testId }: { path: string; className?: string; testId?: string }) {
  return (
    <span className={`path-text ${className}`} title={path} data-testid={testId}>
      {`\u200E${path}\u200E`}
    </span>
  );
}
