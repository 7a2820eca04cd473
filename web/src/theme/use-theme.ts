import { useEffect, useLayoutEffect, useState } from "react";
import {
  applyTheme,
  darkQuery,
  resolveTheme,
  storeChoice,
  storedChoice,
  type Theme,
  type ThemeChoice,
} from "./theme.js";

/** The theme choice, the theme in effect, and a setter; tracks system changes while on "system". */
export function useTheme(): {
  choice: ThemeChoice;
  theme: Theme;
  choose: (c: ThemeChoice) => void;
} {
  const [choice, setChoice] = useState<ThemeChoice>(() => storedChoice(window.localStorage));
  const [systemDark, setSystemDark] = useState(() => darkQuery().matches);

  useEffect(() => {
    const query = darkQuery();
    const onChange = (event: MediaQueryListEvent) => setSystemDark(event.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);

  const theme = resolveTheme(choice, systemDark);
  // a layout effect runs before any component's passive effects, so a chart redrawing for the
  // new theme already reads the new colours from the stylesheet
  useLayoutEffect(() => {
    applyTheme(theme);
  }, [theme]);

  return {
    choice,
    theme,
    choose(next) {
      storeChoice(window.localStorage, next);
      setChoice(next);
    },
  };
}
