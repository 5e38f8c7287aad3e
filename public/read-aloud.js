// "Listen to this page": reads the page's main text aloud with the browser's own speech
// synthesis, in the page's language. Nothing is sent anywhere. The buttons stay hidden where the
// browser cannot speak, or has no voice for the language.
const box = document.querySelector('[data-read-aloud]');
const synth = window.speechSynthesis;
const lang = document.documentElement.lang;

function hasVoice() {
  const voices = synth.getVoices();
  // Some browsers list voices only later; until then, trust that speech exists.
  return voices.length === 0 || voices.some((voice) => voice.lang.toLowerCase().startsWith(lang.toLowerCase()));
}

if (box && synth && typeof SpeechSynthesisUtterance === 'function' && hasVoice()) {
  const [listen, pause, stop] = ['listen', 'pause', 'stop'].map((name) => box.querySelector(`[data-action="${name}"]`));
  const article = document.querySelector('[data-read-aloud-text]');
  const show = (speaking, paused) => {
    listen.hidden = speaking && !paused;
    pause.hidden = !speaking || paused;
    stop.hidden = !speaking;
    listen.textContent = paused ? listen.dataset.resume : listen.dataset.listen;
  };
  listen.addEventListener('click', () => {
    if (synth.paused) {
      synth.resume();
      show(true, false);
      return;
    }
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(article ? article.innerText : document.body.innerText);
    utterance.lang = article?.closest('[lang]')?.getAttribute('lang') ?? lang;
    utterance.addEventListener('end', () => show(false, false));
    synth.speak(utterance);
    show(true, false);
  });
  pause.addEventListener('click', () => {
    synth.pause();
    show(true, true);
  });
  stop.addEventListener('click', () => {
    synth.cancel();
    show(false, false);
    listen.focus();
  });
  window.addEventListener('pagehide', () => synth.cancel());
  box.hidden = false;
  show(false, false);
}
