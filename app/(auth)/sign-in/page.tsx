import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand brand-large">
          <BrandMark />
          <span>Tandem</span>
        </div>
        <p className="auth-lede">Who owns what between Marketing and IT.</p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}

function BrandMark() {
  return (
    <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
      <circle cx="12" cy="16" r="6.5" fill="none" stroke="var(--marketing)" strokeWidth="3" />
      <circle cx="20" cy="16" r="6.5" fill="none" stroke="var(--it)" strokeWidth="3" />
    </svg>
  );
}
