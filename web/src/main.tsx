import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { createAppRouter } from "./App";
import { createQueryClient } from "./api/query-client";
import { initI18n } from "./i18n";
import "./styles/app.css";
import "./styles/journey-design.css";

initI18n();

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

const router = createAppRouter();

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
