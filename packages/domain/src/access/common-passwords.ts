// Lowercase fragments that make a password guessable wherever they appear. Practice, not a
// standard [U]: the top of the yearly public "most common passwords" lists, the Chinese favourites
// from the 2011 CSDN leak analyses (woaini1314, 5201314, 1qaz2wsx), and our own names (a
// guesser's first try on this system). Kept small: it is a first filter, not a breach corpus.
export const COMMON_PASSWORD_FRAGMENTS = [
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwerty',
  'asdfgh',
  'zxcvbn',
  '1qaz2wsx',
  'qazwsx',
  '123456',
  '654321',
  '123123',
  'abc123',
  'a1b2c3',
  '111111',
  '000000',
  '666666',
  '888888',
  'iloveyou',
  'woaini',
  '5201314',
  'letmein',
  'welcome',
  'admin',
  'cityops',
  'zhengzhou',
  'shuzichengguan',
] as const
