'use client';
/** React context carrying the current language to client components. */
import { createContext } from 'react';
import { DEFAULT_LANGUAGE, type Language } from './languages';

export const LanguageContext = createContext<Language>(DEFAULT_LANGUAGE);
