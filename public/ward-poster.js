// Live preview for the ward poster builder: as staff type, fetch the same page with the form's
// answers and show its preview. Without this, the "Show the poster" button does the same.
const form = document.querySelector('[data-ward-form]');
const preview = document.querySelector('[data-ward-preview]');
let timer;
let controller;

async function refresh() {
  const url = `${form.action}?${new URLSearchParams(new FormData(form))}`;
  controller?.abort();
  controller = new AbortController();
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-ward-preview]');
    if (!fresh) return;
    preview.replaceChildren(...[...fresh.childNodes].map((node) => document.adoptNode(node)));
    history.replaceState(null, '', url);
  } catch (error) {
    if (error.name !== 'AbortError') throw error;
  }
}

if (form && preview) {
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 350);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
}
