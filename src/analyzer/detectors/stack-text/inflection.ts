/**
 * English singulars of resource names, as the frameworks derive them: Rails names a nested
 * route's parameter `:article_id` after `resources :articles`, Laravel `{blog_post}` after
 * `blog-posts`, and the CRUD check takes `/books` and `/book/<id>` for one resource.
 */

/** Plurals the frameworks' inflectors know by heart (Rails' and Doctrine's lists agree on these). */
const IRREGULAR: Readonly<Record<string, string>> = {
  people: "person",
  men: "man",
  women: "woman",
  children: "child",
  sexes: "sex",
  moves: "move",
  movies: "movie",
  zombies: "zombie",
  statuses: "status",
  addresses: "address",
  analyses: "analysis",
  news: "news",
  series: "series",
  equipment: "equipment",
  information: "information",
};

/** articles → article, categories → category, boxes → box; status and bus stay as they are. */
export function singular(word: string): string {
  const irregular = IRREGULAR[word.toLowerCase()];
  if (irregular !== undefined) return irregular;
  if (/[^aeiouy]ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/[^su]s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** ActiveSupport's underscore: `AdminUser` → `admin_user`, `Api::V1::Articles` → `api/v1/articles`. */
export function underscore(constant: string): string {
  return constant
    .replace(/::/g, "/")
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .toLowerCase();
}
