/**
 * Locating the caller without map tiles (issue #17): an operator at 1366×768 finds the caller by a
 * landmark of the gazetteer, then by a location link pasted from WhatsApp and by degrees-minutes-
 * seconds; a short link and a point outside Cilegon are explained and change nothing; choosing a
 * kecamatan centres the map. The e2e server runs with MAP_TILE_URL=off: no tile is ever loaded.
 */
import { signedInPage } from './support/sign-in';
import { expect, test } from './support/fixtures';
import { OperatorConsolePage } from './operator.po';

test('an operator locates a caller by a landmark and by a pasted link, without tiles', async ({ browser }) => {
  test.setTimeout(90_000);
  const op = new OperatorConsolePage(await signedInPage(browser, 'operator1@112.cilegon.test', { viewport: { width: 1366, height: 768 } }));
  await op.goto();
  const callId = await op.startCall();
  await op.page.keyboard.press('d');
  await expect(op.emergencyForm).toBeVisible();
  const input = op.page.getByTestId('locate-input');
  const error = op.page.getByTestId('locate-error');
  const leaflet = op.map.locator('.leaflet-container');
  await expect(leaflet).toBeVisible();
  await expect(op.map.locator('img.leaflet-tile')).toHaveCount(0);

  // A landmark: the suggestion fills the point, the kecamatan and kelurahan, the address, and centres the map.
  await input.fill('kranggot');
  await op.page.locator('[data-test="locate-suggestion"][data-name="Pasar Kranggot"]').click();
  await expect(op.coordinates).toHaveValue('-6.012500, 106.047000');
  await expect(op.kecamatan).toHaveValue('Jombang');
  await expect(op.kelurahan).toHaveValue('Sukmajaya');
  await expect(op.address).toHaveValue('Pasar Kranggot');
  await expect(leaflet).toHaveAttribute('data-focus', '-6.012500,106.047000');
  await expect(op.map.locator('.operator-pin')).toBeVisible();
  await expect(op.page.getByTestId('locate-applied')).toContainText('Pasar Kranggot');

  // A link pasted from a WhatsApp message, with Enter.
  await input.fill('Tolong, saya di sini: https://maps.google.com/maps?q=-6.0175%2C106.054&z=17');
  await input.press('Enter');
  await expect(op.coordinates).toHaveValue('-6.017500, 106.054000');
  await expect(leaflet).toHaveAttribute('data-focus', '-6.017500,106.054000');
  await expect(op.emergencyForm).toBeVisible();

  // What cannot be read is explained and changes nothing.
  await input.fill('https://maps.app.goo.gl/Xy12AbCd');
  await op.page.getByTestId('locate-apply').click();
  await expect(error).toHaveAttribute('data-problem', 'short_link');
  await expect(error).toContainText('tidak dapat dibuka tanpa internet');
  await input.fill('-6.2, 106.8');
  await op.page.getByTestId('locate-apply').click();
  await expect(error).toHaveAttribute('data-problem', 'out_of_area');
  await input.fill('dekat pohon besar');
  await op.page.getByTestId('locate-apply').click();
  await expect(error).toHaveAttribute('data-problem', 'not_found');
  await expect(op.coordinates).toHaveValue('-6.017500, 106.054000');

  await input.fill(`6°01'30"S 106°03'E`);
  await op.page.getByTestId('locate-apply').click();
  await expect(error).toHaveCount(0);
  await expect(op.coordinates).toHaveValue('-6.025000, 106.050000');

  // Choosing a kecamatan centres the map on it (the point stays what the caller said).
  await op.kecamatan.selectOption('Cibeber');
  await expect(leaflet).toHaveAttribute('data-focus', '-6.035000,106.075000');
  await expect(op.coordinates).toHaveValue('-6.025000, 106.050000');
  await op.kecamatan.selectOption('Cilegon');
  await op.kelurahan.selectOption('Ketileng');
  await expect(leaflet).toHaveAttribute('data-focus', '-6.030000,106.061000');

  await op.category.selectOption('medical');
  await op.description.fill('Pingsan di jalan');
  await op.submit.click();
  await expect(op.ticketNumber).toHaveText(/^112-\d{8}-\d{4,}$/);
  const db = await op.serviceClient();
  const { data: call } = await db.from('calls').select('incident_id').eq('id', callId).single();
  const { data: incident } = await db.from('incidents').select('lat, lng, kecamatan, kelurahan').eq('id', call!.incident_id!).single();
  expect(incident).toEqual({ lat: -6.025, lng: 106.05, kecamatan: 'Cilegon', kelurahan: 'Ketileng' });
  await op.page.context().close();
});
