import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, isApiError } from "../../api/client";
import { sessionKey } from "../../api/query-client";
import type { Locale, Session, User } from "../../api/types";

/** Another person's (or no one's) cached data must not survive a login or logout. */
function removeAllButSession(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

/** The signed-in user and their workspaces, or `null` when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async ({ signal }): Promise<Session | null> => {
      try {
        return await api.get<Session>("/me", signal);
      } catch (e) {
        if (isApiError(e) && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Session>("/auth/login", body),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKey, session);
      removeAllButSession(queryClient);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/auth/logout"),
    onSettled: () => {
      // Update the session in place (its observers redirect to /login), then drop everything else.
      queryClient.setQueryData(sessionKey, null);
      removeAllButSession(queryClient);
    },
  });
}

export function useUpdateLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api.patch<{ user: User }>("/me", { locale }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<Session | null>(sessionKey, (old) => (old ? { ...old, user } : old));
    },
  });
}
