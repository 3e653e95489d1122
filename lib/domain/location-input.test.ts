import { describe, expect, it } from 'vitest';
import { LOCATION_INPUT_MAX, parseLocationInput } from './location-input';

const at = (lat: number, lng: number, format: string) => ({ ok: true, point: { lat, lng }, format });
const problem = (p: string) => ({ ok: false, problem: p });

describe('parseLocationInput', () => {
  it.each([
    ['-6.0,106.05', at(-6, 106.05, 'decimal')],
    ['  -6.012345, 106.045678 ', at(-6.012345, 106.045678, 'decimal')],
    ['106.05, -6.01', at(-6.01, 106.05, 'decimal')],
  ])('reads decimal coordinates %j', (text, expected) => {
    expect(parseLocationInput(text)).toEqual(expected);
  });

  it.each([
    [`6°01'S 106°03'E`, -(6 + 1 / 60), 106 + 3 / 60],
    [`6°01'30"S, 106°03'15"E`, -(6 + 1 / 60 + 30 / 3600), 106 + 3 / 60 + 15 / 3600],
    [`S 6° 1' E 106° 3'`, -(6 + 1 / 60), 106 + 3 / 60],
    [`6°01′S 106°03′E`, -(6 + 1 / 60), 106 + 3 / 60],
    [`6°01'LS 106°03'BT`, -(6 + 1 / 60), 106 + 3 / 60],
    [`106°03'E 6°01'S`, -(6 + 1 / 60), 106 + 3 / 60],
    [`-6°01', 106°03'`, -(6 + 1 / 60), 106 + 3 / 60],
    [`6.0175°S 106.054°E`, -6.0175, 106.054],
  ])('reads degrees, minutes, seconds %j', (text, lat, lng) => {
    expect(parseLocationInput(text)).toEqual(at(Number(lat.toFixed(6)), Number(lng.toFixed(6)), 'dms'));
  });

  it.each([
    ['geo:-6.01,106.05', at(-6.01, 106.05, 'geo_uri')],
    ['geo:-6.01,106.05,12;u=35', at(-6.01, 106.05, 'geo_uri')],
    ['geo:0,0?q=-6.01,106.05(Rumah Bu Ani)', at(-6.01, 106.05, 'geo_uri')],
    ['https://www.google.com/maps/@-6.01,106.05,17z', at(-6.01, 106.05, 'google_maps')],
    ['https://www.google.com/maps/place/Pasar/@-6.0125,106.047,17z/data=!3m1', at(-6.0125, 106.047, 'google_maps')],
    ['https://maps.google.com/?q=-6.01,106.05', at(-6.01, 106.05, 'google_maps')],
    ['https://maps.google.com/maps?q=-6.01%2C106.05&z=17&hl=id', at(-6.01, 106.05, 'google_maps')],
    ['https://www.google.co.id/maps/search/?api=1&query=-6.01,106.05', at(-6.01, 106.05, 'google_maps')],
    ['https://www.google.com/maps/search/-6.01,+106.05', at(-6.01, 106.05, 'google_maps')],
    ['https://www.google.com/maps?ll=-6.01,106.05', at(-6.01, 106.05, 'google_maps')],
    ['https://www.openstreetmap.org/?mlat=-6.01&mlon=106.05#map=17/-6.01/106.05', at(-6.01, 106.05, 'openstreetmap')],
    ['https://www.openstreetmap.org/#map=17/-6.01/106.05', at(-6.01, 106.05, 'openstreetmap')],
  ])('reads the link %j', (text, expected) => {
    expect(parseLocationInput(text)).toEqual(expected);
  });

  it('finds the link inside a WhatsApp message', () => {
    const message = 'Tolong cepat, ini lokasi saya: https://maps.google.com/?q=-6.0175,106.054 (depan alun-alun).';
    expect(parseLocationInput(message)).toEqual(at(-6.0175, 106.054, 'google_maps'));
  });

  it('says a short link cannot be opened offline', () => {
    expect(parseLocationInput('https://maps.app.goo.gl/AbCdEf123')).toEqual(problem('short_link'));
    expect(parseLocationInput('Lokasi: https://goo.gl/maps/xyz')).toEqual(problem('short_link'));
  });

  it('tells a map link without a point from unreadable text', () => {
    expect(parseLocationInput('https://www.google.com/maps/place/Pasar+Kranggot')).toEqual(problem('link_without_point'));
    expect(parseLocationInput('https://example.com/?q=-6.01,106.05')).toEqual(problem('link_without_point'));
    expect(parseLocationInput('geo:somewhere')).toEqual(problem('link_without_point'));
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(LOCATION_INPUT_MAX + 1), 'too_long'],
    ['dekat masjid', 'unreadable'],
    ['-6.01', 'unreadable'],
    [`6°61'S 106°03'E`, 'unreadable'],
    [`6°01'S 106°03'S`, 'unreadable'],
    [`6°01'S 106°03'E 5°`, 'unreadable'],
    [`6°01'S lalu 106°03'E`, 'unreadable'],
    ['-6.2, 106.8', 'out_of_area'],
    ['geo:-6.2,106.8', 'out_of_area'],
    [`6°01'N 106°03'E`, 'out_of_area'],
    ['https://maps.google.com/?q=-95,106.05', 'link_without_point'],
  ])('refuses %j (%s)', (text, expected) => {
    expect(parseLocationInput(text)).toEqual(problem(expected));
  });
});
