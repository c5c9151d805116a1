package words

import "mailsim/lang"

// uiLearnSearch is the words of the lessons' search (/lessons/search), of
// their glossary (/lessons/glossary) and of the search box on every
// lesson page.
var uiLearnSearch = lang.Catalog{
	"lessons.search":         {RO: "Caută în lecții", EN: "Search the lessons"},
	"lessons.search.button":  {RO: "Caută", EN: "Search"},
	"lessons.search.prompt":  {RO: "Scrie unul sau mai multe cuvinte. Diacriticele și literele mari nu contează: „casuta” găsește „căsuța”.", EN: "Type one or more words. Accents and capitals do not matter: “casuta” finds the Romanian “căsuța”."},
	"lessons.search.none":    {RO: "Nicio secțiune nu conține „{q}”. Încearcă alt cuvânt sau mai puține cuvinte.", EN: "No section holds “{q}”. Try another word, or fewer words."},
	"lessons.search.found":   {RO: "Secțiuni găsite: {n}", EN: "Sections found: {n}"},
	"lessons.search.more":    {RO: "Sunt arătate doar primele {n}: adaugă un cuvânt ca să restrângi căutarea.", EN: "Only the first {n} are shown: add a word to narrow the search."},
	"lessons.search.long":    {RO: "Căutarea are mai mult de {n} de caractere: scurteaz-o.", EN: "The search is longer than {n} characters: shorten it."},
	"lessons.search.words":   {RO: "Căutarea are mai mult de {n} cuvinte: păstrează-le pe cele mai importante.", EN: "The search has more than {n} words: keep the most important ones."},
	"lessons.search.results": {RO: "Rezultatele căutării", EN: "Search results"},

	"lessons.glossary":       {RO: "Glosar", EN: "Glossary"},
	"lessons.glossary.lede":  {RO: "Termenii pe care îi folosesc lecțiile, fiecare cu cuvântul din engleză și cu definiția lui. În lecții, prima apariție a unui termen duce aici.", EN: "The terms the lessons use, each with its Romanian word and its definition. In the lessons, a term's first appearance leads here."},
	"lessons.glossary.other": {RO: "În engleză", EN: "In Romanian"},
}
