import { describe, expect, it } from 'vitest';
import { detectLanguage, detectTranscriptLanguage } from './detect-language.ts';
import { wordsFromText } from './model.ts';

// One everyday sentence or two per language, as a transcript line would read.
const SAMPLES: Record<string, string> = {
  en: 'Thank you all for coming tonight. We will start with the news from the city council and then take your questions.',
  fr: 'Merci à tous d’être venus ce soir. Nous commençons par les nouvelles du conseil municipal, puis nous répondrons à vos questions.',
  de: 'Vielen Dank, dass Sie heute Abend gekommen sind. Wir beginnen mit den Nachrichten aus dem Stadtrat und beantworten dann Ihre Fragen.',
  es: 'Gracias a todos por venir esta noche. Empezamos con las noticias del ayuntamiento y después responderemos a sus preguntas.',
  it: 'Grazie a tutti per essere venuti stasera. Cominciamo con le notizie del consiglio comunale e poi rispondiamo alle vostre domande.',
  pt: 'Obrigado a todos por terem vindo esta noite. Começamos com as notícias da câmara municipal e depois respondemos às vossas perguntas.',
  nl: 'Bedankt dat jullie vanavond allemaal gekomen zijn. We beginnen met het nieuws van de gemeenteraad en daarna beantwoorden we jullie vragen.',
  sv: 'Tack alla för att ni kom i kväll. Vi börjar med nyheterna från kommunfullmäktige och sedan svarar vi på era frågor.',
  da: 'Tak fordi I alle sammen er kommet i aften. Vi begynder med nyhederne fra byrådet, og bagefter svarer vi på jeres spørgsmål.',
  fi: 'Kiitos kaikille, että tulitte tänä iltana. Aloitamme kaupunginvaltuuston uutisilla ja vastaamme sitten kysymyksiinne.',
  pl: 'Dziękuję wszystkim za przybycie dziś wieczorem. Zaczniemy od wiadomości z rady miasta, a potem odpowiemy na wasze pytania.',
  cs: 'Děkuji vám všem, že jste dnes večer přišli. Začneme zprávami z městského zastupitelstva a pak odpovíme na vaše otázky.',
  hu: 'Köszönöm mindenkinek, hogy eljött ma este. A városi tanács híreivel kezdünk, aztán válaszolunk a kérdéseikre.',
  ro: 'Vă mulțumesc tuturor că ați venit în această seară. Începem cu știrile de la consiliul local și apoi răspundem la întrebările voastre.',
  tr: 'Bu akşam geldiğiniz için hepinize teşekkür ederim. Belediye meclisinden haberlerle başlayacağız, sonra sorularınızı yanıtlayacağız.',
  ru: 'Спасибо всем, что пришли сегодня вечером. Мы начнём с новостей городского совета, а потом ответим на ваши вопросы.',
  uk: 'Дякую всім, що прийшли сьогодні ввечері. Ми почнемо з новин міської ради, а потім відповімо на ваші запитання.',
  el: 'Ευχαριστώ όλους που ήρθατε απόψε. Θα ξεκινήσουμε με τα νέα από το δημοτικό συμβούλιο και μετά θα απαντήσουμε στις ερωτήσεις σας.',
  ja: '今夜はお集まりいただきありがとうございます。まず市議会のニュースから始めて、そのあと皆さんの質問にお答えします。',
  zh: '感谢大家今晚的到来。我们先从市议会的新闻开始，然后回答大家的问题。',
  ko: '오늘 밤 와 주셔서 모두 감사합니다. 시의회 소식으로 시작한 다음 여러분의 질문에 답하겠습니다.',
  ar: 'شكرا لكم جميعا على الحضور هذا المساء. سنبدأ بأخبار المجلس البلدي ثم نجيب على أسئلتكم.',
};

describe('detectLanguage', () => {
  for (const [language, text] of Object.entries(SAMPLES)) {
    it(`recognises ${language}`, () => {
      expect(detectLanguage(text)?.language).toBe(language);
    });
  }

  it('gives no answer for text without enough letters', () => {
    expect(detectLanguage('OK. 12:30 — 4.')).toBeUndefined();
    expect(detectLanguage('')).toBeUndefined();
  });

  it('is more confident on a paragraph than on two words', () => {
    const long = detectLanguage(SAMPLES.es as string);
    const short = detectLanguage('muy bien, gracias');
    expect(long?.confidence ?? 0).toBeGreaterThan(short?.confidence ?? 0);
    expect(long?.confidence).toBeGreaterThan(0);
    expect(long?.confidence).toBeLessThanOrEqual(1);
  });

  it('reads a transcript from the words of its speech turns', () => {
    const transcript = {
      speakers: [],
      entries: [
        { kind: 'event' as const, text: '(MUSIC)' },
        { kind: 'speech' as const, speakerId: null, words: wordsFromText(SAMPLES.de as string) },
      ],
    };
    expect(detectTranscriptLanguage(transcript)?.language).toBe('de');
  });
});
