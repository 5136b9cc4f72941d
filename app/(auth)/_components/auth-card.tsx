import { BrandMark } from "@/components/ui/brand-mark";

/** The card every page of a visitor who is not signed in sits on: sign-in, set-up, a one-time link, a forgotten password. */
export function AuthCard({ lede, children }: { lede: React.ReactNode; children: React.ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand brand-large">
          <BrandMark size={28} />
          <span>Tandem</span>
        </div>
        <div className="auth-lede">{lede}</div>
        {children}
      </div>
    </main>
  );
}
