package words

import "mailsim/lang"

// uiClassroom is the classroom's words: the home page's way in, the class
// bar every page shows to a class's members, the projector page and the
// polls.
var uiClassroom = lang.Catalog{
	"class.start":        {RO: "Pornește o clasă", EN: "Start a class"},
	"class.start.text":   {RO: "Ești profesorul? Pornește o clasă: studenții intră cu un cod și ecranele lor te urmează.", EN: "Teaching? Start a class: students join with a code and their screens follow yours."},
	"class.join":         {RO: "Intră într-o clasă", EN: "Join a class"},
	"class.code":         {RO: "Codul clasei", EN: "Class code"},
	"class.join.go":      {RO: "Intră", EN: "Join"},
	"class.title":        {RO: "Clasa {code}", EN: "Class {code}"},
	"class.following":    {RO: "Urmărești clasa", EN: "Following class"},
	"class.teaching":     {RO: "Predai clasa", EN: "Teaching class"},
	"class.detach":       {RO: "Explorează singur", EN: "Explore alone"},
	"class.rejoin":       {RO: "Revino la clasă", EN: "Rejoin the class"},
	"class.detached":     {RO: "Explorezi singur; clasa merge mai departe fără tine.", EN: "You are exploring alone; the class goes on without you."},
	"class.leave":        {RO: "Ieși din clasă", EN: "Leave the class"},
	"class.students":     {RO: "studenți conectați", EN: "students connected"},
	"class.projector":    {RO: "Pagina pentru proiector", EN: "Projector page"},
	"class.ask":          {RO: "Întreabă clasa", EN: "Ask the room"},
	"class.reveal":       {RO: "Arată răspunsul", EN: "Reveal the answer"},
	"class.answered":     {RO: "au răspuns {n} din {m}", EN: "{n} of {m} answered"},
	"class.right":        {RO: "Răspunsul corect:", EN: "The right answer:"},
	"class.refused":      {RO: "Doar profesorul conduce clasa.", EN: "Only the instructor drives the class."},
	"class.offline":      {RO: "Legătura cu clasa s-a pierdut; reconectare…", EN: "Lost the connection to the class; reconnecting…"},
	"class.scan":         {RO: "Scanează codul sau deschide:", EN: "Scan the code or open:"},
	"class.question":     {RO: "Întrebare pentru clasă", EN: "A question for the room"},
	"class.send":         {RO: "Răspunde", EN: "Answer"},
	"class.sent":         {RO: "Răspuns trimis; îl poți schimba până se arată răspunsul corect.", EN: "Answer sent; you can change it until the right answer is revealed."},
	"class.close":        {RO: "Închide", EN: "Close"},
	"class.none":         {RO: "Nicio întrebare de pus la acest pas.", EN: "No question to ask at this view."},
	"class.chart":        {RO: "Răspunsurile clasei", EN: "The room's answers"},
	"class.gone":         {RO: "Nu există nicio clasă cu acest cod: verifică-l cu profesorul.", EN: "No class has this code: check it with your instructor."},
	"class.badcode":      {RO: "Un cod de clasă are 6 litere și cifre.", EN: "A class code is 6 letters and digits."},
	"class.toomany":      {RO: "Prea multe încercări de aici; mai așteaptă puțin.", EN: "Too many attempts from here; wait a moment."},
	"class.notyours":     {RO: "Pagina profesorului se deschide doar în browserul care a pornit clasa.", EN: "The instructor's page opens only in the browser that started the class."},
	"class.full":         {RO: "Rulează prea multe clase; încearcă mai târziu.", EN: "Too many classes are running; try again later."},
	"class.answer.text":  {RO: "Răspunsul tău", EN: "Your answer"},
	"class.b64.question": {RO: "Ce patru caractere Base64 codifică grupul {n} (octeții {bytes})?", EN: "Which four Base64 characters encode group {n} (the bytes {bytes})?"},
}
