/** A destination country the mock can open channels for. */
export interface Country {
  /** ISO 3166-1 alpha-2 code. */
  readonly iso: string;
  /** ITU calling code, digits only. */
  readonly callingCode: string;
  readonly nameEn: string;
  readonly nameZh: string;
  /** Real mobile operators of the country, used as route names. */
  readonly operators: readonly string[];
}

/** 36 countries with their real calling codes, names and operators. */
export const COUNTRIES: readonly Country[] = [
  { iso: 'PH', callingCode: '63', nameEn: 'Philippines', nameZh: '菲律宾', operators: ['Globe', 'Smart', 'DITO'] },
  { iso: 'ID', callingCode: '62', nameEn: 'Indonesia', nameZh: '印度尼西亚', operators: ['Telkomsel', 'Indosat', 'XL Axiata'] },
  { iso: 'MY', callingCode: '60', nameEn: 'Malaysia', nameZh: '马来西亚', operators: ['Maxis', 'CelcomDigi', 'U Mobile'] },
  { iso: 'TH', callingCode: '66', nameEn: 'Thailand', nameZh: '泰国', operators: ['AIS', 'True', 'dtac'] },
  { iso: 'VN', callingCode: '84', nameEn: 'Vietnam', nameZh: '越南', operators: ['Viettel', 'Vinaphone', 'MobiFone'] },
  { iso: 'SG', callingCode: '65', nameEn: 'Singapore', nameZh: '新加坡', operators: ['Singtel', 'StarHub', 'M1'] },
  { iso: 'IN', callingCode: '91', nameEn: 'India', nameZh: '印度', operators: ['Jio', 'Airtel', 'Vi'] },
  { iso: 'PK', callingCode: '92', nameEn: 'Pakistan', nameZh: '巴基斯坦', operators: ['Jazz', 'Zong', 'Telenor'] },
  { iso: 'BD', callingCode: '880', nameEn: 'Bangladesh', nameZh: '孟加拉国', operators: ['Grameenphone', 'Robi', 'Banglalink'] },
  { iso: 'JP', callingCode: '81', nameEn: 'Japan', nameZh: '日本', operators: ['NTT Docomo', 'au', 'SoftBank'] },
  { iso: 'KR', callingCode: '82', nameEn: 'South Korea', nameZh: '韩国', operators: ['SK Telecom', 'KT', 'LG U+'] },
  { iso: 'HK', callingCode: '852', nameEn: 'Hong Kong', nameZh: '中国香港', operators: ['CSL', 'SmarTone', '3HK'] },
  { iso: 'TW', callingCode: '886', nameEn: 'Taiwan', nameZh: '中国台湾', operators: ['Chunghwa', 'Taiwan Mobile', 'FarEasTone'] },
  { iso: 'AE', callingCode: '971', nameEn: 'United Arab Emirates', nameZh: '阿联酋', operators: ['Etisalat', 'du'] },
  { iso: 'SA', callingCode: '966', nameEn: 'Saudi Arabia', nameZh: '沙特阿拉伯', operators: ['STC', 'Mobily', 'Zain'] },
  { iso: 'TR', callingCode: '90', nameEn: 'Turkey', nameZh: '土耳其', operators: ['Turkcell', 'Vodafone', 'Türk Telekom'] },
  { iso: 'GB', callingCode: '44', nameEn: 'United Kingdom', nameZh: '英国', operators: ['EE', 'Vodafone', 'O2', 'Three'] },
  { iso: 'DE', callingCode: '49', nameEn: 'Germany', nameZh: '德国', operators: ['Telekom', 'Vodafone', 'O2'] },
  { iso: 'FR', callingCode: '33', nameEn: 'France', nameZh: '法国', operators: ['Orange', 'SFR', 'Bouygues', 'Free'] },
  { iso: 'ES', callingCode: '34', nameEn: 'Spain', nameZh: '西班牙', operators: ['Movistar', 'Vodafone', 'Orange'] },
  { iso: 'IT', callingCode: '39', nameEn: 'Italy', nameZh: '意大利', operators: ['TIM', 'Vodafone', 'WindTre'] },
  { iso: 'NL', callingCode: '31', nameEn: 'Netherlands', nameZh: '荷兰', operators: ['KPN', 'Vodafone', 'Odido'] },
  { iso: 'PL', callingCode: '48', nameEn: 'Poland', nameZh: '波兰', operators: ['Orange', 'Play', 'Plus', 'T-Mobile'] },
  { iso: 'RU', callingCode: '7', nameEn: 'Russia', nameZh: '俄罗斯', operators: ['MTS', 'MegaFon', 'Beeline'] },
  { iso: 'US', callingCode: '1', nameEn: 'United States', nameZh: '美国', operators: ['AT&T', 'Verizon', 'T-Mobile'] },
  { iso: 'MX', callingCode: '52', nameEn: 'Mexico', nameZh: '墨西哥', operators: ['Telcel', 'AT&T', 'Movistar'] },
  { iso: 'BR', callingCode: '55', nameEn: 'Brazil', nameZh: '巴西', operators: ['Vivo', 'Claro', 'TIM'] },
  { iso: 'AR', callingCode: '54', nameEn: 'Argentina', nameZh: '阿根廷', operators: ['Personal', 'Claro', 'Movistar'] },
  { iso: 'CO', callingCode: '57', nameEn: 'Colombia', nameZh: '哥伦比亚', operators: ['Claro', 'Movistar', 'Tigo'] },
  { iso: 'PE', callingCode: '51', nameEn: 'Peru', nameZh: '秘鲁', operators: ['Claro', 'Movistar', 'Entel'] },
  { iso: 'CL', callingCode: '56', nameEn: 'Chile', nameZh: '智利', operators: ['Entel', 'Movistar', 'Claro'] },
  { iso: 'NG', callingCode: '234', nameEn: 'Nigeria', nameZh: '尼日利亚', operators: ['MTN', 'Airtel', 'Glo'] },
  { iso: 'KE', callingCode: '254', nameEn: 'Kenya', nameZh: '肯尼亚', operators: ['Safaricom', 'Airtel'] },
  { iso: 'ZA', callingCode: '27', nameEn: 'South Africa', nameZh: '南非', operators: ['Vodacom', 'MTN', 'Cell C'] },
  { iso: 'EG', callingCode: '20', nameEn: 'Egypt', nameZh: '埃及', operators: ['Vodafone', 'Orange', 'Etisalat'] },
  { iso: 'AU', callingCode: '61', nameEn: 'Australia', nameZh: '澳大利亚', operators: ['Telstra', 'Optus', 'Vodafone'] },
];
