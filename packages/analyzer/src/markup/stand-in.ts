/** The neutral word that stands in for inline code, URLs, images and placeholders. */
export const STAND_IN = 'Xyz'
