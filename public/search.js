// Search island for /<locale>/search/: runs the query in ?q= against this language's Pagefind
// index and lists the pages found. Without it the page still lists every page.
const results = document.querySelector('[data-search-results]');
const unavailable = document.querySelector('[data-search-unavailable]');
const input = document.getElementById('search-query');
const { intl, messages } = JSON.parse(document.getElementById('search-strings').textContent);
const query = (new URLSearchParams(location.search).get('q') ?? '').trim().slice(0, 200);
const plural = new Intl.PluralRules(intl);

const fill = (template, values) => template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(values[name] ?? ''));

// Pagefind's excerpt is escaped HTML with <mark> around matches: keep the text and the marks only.
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return [...doc.body.firstChild.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent);
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

async function run() {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  unavailable.hidden = true;
  if (query === '') return;
  input.value = query;
  const search = await pagefind.search(query);
  const found = await Promise.all(search.results.map((result) => result.data()));
  const heading = document.createElement('h2');
  const count = search.results.length;
  heading.textContent = count === 0
    ? fill(messages['search.none'], { query })
    : fill(messages[`search.results_${plural.select(count)}`] ?? messages['search.results_other'], { count, query });
  const list = document.createElement('ol');
  list.className = 'search__list';
  for (const page of found) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = page.url;
    link.textContent = page.meta.title ?? page.url;
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(page.excerpt));
    item.append(link, excerpt);
    list.append(item);
  }
  results.replaceChildren(heading, ...(count > 0 ? [list] : []));
  heading.tabIndex = -1;
  heading.focus();
}

run().catch(() => {
  unavailable.hidden = false;
});
