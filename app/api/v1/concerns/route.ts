import { readRoute } from "@/lib/api/read-route";
import { anySignedIn } from "@/lib/auth/policy";
import { listApiConcerns } from "@/lib/public-api/catalog";
import { noQuery } from "@/lib/public-api/inputs";
import { answer } from "@/lib/public-api/respond";

export const GET = readRoute({ query: noQuery, policy: anySignedIn, handle: async () => answer(await listApiConcerns()) });
