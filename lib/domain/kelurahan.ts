/**
 * The kelurahan of each kecamatan of Kota Cilegon (data/cilegon.json: 8 kecamatan, 43 kelurahan):
 * the form offers only those of the chosen kecamatan, and the report refuses a mismatch.
 */
import type { Kecamatan } from './city';

export const KELURAHAN: Readonly<Record<Kecamatan, readonly string[]>> = {
  Pulomerak: ['Lebak Gede', 'Mekarsari', 'Suralaya', 'Tamansari'],
  Grogol: ['Gerem', 'Grogol', 'Kotasari', 'Rawa Arum'],
  Purwakarta: ['Kebondalem', 'Kotabumi', 'Pabean', 'Purwakarta', 'Ramanuju', 'Tegal Bunder'],
  Jombang: ['Gedong Dalem', 'Jombang Wetan', 'Masigit', 'Panggung Rawi', 'Sukmajaya'],
  Cilegon: ['Bagendung', 'Bendungan', 'Ciwaduk', 'Ciwedus', 'Ketileng'],
  Cibeber: ['Bulakan', 'Cibeber', 'Cikerai', 'Kalitimbang', 'Karangasem', 'Kedaleman'],
  Citangkil: ['Citangkil', 'Deringo', 'Kebonsari', 'Lebak Denok', 'Samangraya', 'Tamanbaru', 'Warnasari'],
  Ciwandan: ['Banjar Negara', 'Gunungsugih', 'Kepuh', 'Kubangsari', 'Randakari', 'Tegal Ratu'],
};

export function isKelurahanOf(kecamatan: Kecamatan, kelurahan: string): boolean {
  return KELURAHAN[kecamatan].includes(kelurahan);
}
