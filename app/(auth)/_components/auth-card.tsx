/** The card every page of a visitor who is not signed in sits on: sign-in, set-up, a one-time link, a forgotten password. */
export function AuthCard({ lede, children }: { lede: React.ReactNode; children: React.ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand brand-large">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
            <circle cx="12" cy="16" r="6.5" fill="none" stroke="var(--marketing)" strokeWidth="3" />
            <circle cx="20" cy="16" r="6.5" fill="none" stroke="var(--it)" strokeWidth="3" />
          </svg>
          <span>Tandem</span>
        </div>
        <div className="auth-lede">{lede}</div>
        {children}
      </div>
    </main>
  );
}
