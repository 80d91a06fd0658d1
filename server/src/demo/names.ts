/**
 * Word lists for synthetic people and places. Given and family names are common ones, combined at random,
 * so no generated person is a real individual. Streets, towns, schools and surgeries are made up, and every
 * postcode sits in an outward code that does not exist (areas XC and XN), so a generated address can never
 * point at a real home. Phone numbers are from the range Ofcom keeps for drama (07700 900000–900999).
 */

import type { Random } from './random';

export type Ethnicity = 'white_british' | 'white_other' | 'mixed' | 'asian' | 'black' | 'arab' | 'other';

export interface NameGroup {
  readonly key: string;
  readonly ethnicity: Ethnicity;
  /** Share of the generated population, roughly in line with victims heard at English MARACs. */
  readonly weight: number;
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly family: readonly string[];
  /** Main language other than English, if the group has one. */
  readonly language: string | null;
  /** Share of people in the group whose main language is not English. */
  readonly otherLanguageShare: number;
  /** Polish and similar family names change form for women (Kowalski → Kowalska). */
  readonly feminineFamily?: (family: string) => string;
}

const polishFeminine = (family: string): string =>
  family.endsWith('ski') ? `${family.slice(0, -1)}a` : family.endsWith('cki') ? `${family.slice(0, -1)}a` : family;

const BRITISH_FEMALE = [
  'Abigail', 'Amy', 'Amelia', 'Bethany', 'Carly', 'Charlotte', 'Chloe', 'Claire', 'Danielle', 'Deborah',
  'Donna', 'Eleanor', 'Ellie', 'Emma', 'Gemma', 'Georgia', 'Grace', 'Hannah', 'Hayley', 'Hollie',
  'Holly', 'Jacqueline', 'Jade', 'Jenna', 'Jessica', 'Joanne', 'Julie', 'Karen', 'Katherine', 'Catherine',
  'Kayleigh', 'Kelly', 'Kirsty', 'Laura', 'Lauren', 'Leanne', 'Lisa', 'Louise', 'Lucy', 'Margaret',
  'Megan', 'Melissa', 'Michelle', 'Natalie', 'Nicola', 'Paige', 'Rachel', 'Rebecca', 'Rosie', 'Samantha',
  'Sarah', 'Shannon', 'Sharon', 'Siobhan', 'Sophie', 'Stacey', 'Stephanie', 'Susan', 'Tanya', 'Toni',
  'Tracey', 'Victoria', 'Wendy', 'Yvonne', 'Zoe', 'Kerry', 'Lindsey', 'Alison', 'Jodie', 'Naomi',
] as const;

const BRITISH_MALE = [
  'Aaron', 'Adam', 'Alan', 'Andrew', 'Anthony', 'Ashley', 'Barry', 'Ben', 'Brian', 'Callum',
  'Carl', 'Charlie', 'Christopher', 'Connor', 'Craig', 'Daniel', 'Darren', 'Dean', 'Gary', 'Glenn',
  'Graham', 'Harry', 'Jack', 'Jake', 'James', 'Jamie', 'Jason', 'Jordan', 'Joseph', 'Keith',
  'Kevin', 'Kieran', 'Kyle', 'Lee', 'Lewis', 'Liam', 'Luke', 'Mark', 'Martin', 'Matthew',
  'Michael', 'Nathan', 'Neil', 'Oliver', 'Paul', 'Philip', 'Reece', 'Richard', 'Robert', 'Ryan',
  'Scott', 'Sean', 'Shane', 'Simon', 'Stephen', 'Steven', 'Stuart', 'Terry', 'Thomas', 'Tony',
  'Wayne', 'William', 'Ross', 'Gavin', 'Darryl', 'Lloyd',
] as const;

const BRITISH_FAMILY = [
  'Allen', 'Ashworth', 'Baker', 'Barnes', 'Bennett', 'Brannigan', 'Brown', 'Carter', 'Cartwright', 'Clarke',
  'Cooper', 'Davies', 'Dawson', 'Doyle', 'Edwards', 'Ellis', 'Evans', 'Fairbairn', 'Fletcher', 'Gibson',
  'Green', 'Hall', 'Harris', 'Harrison', 'Hartley', 'Hill', 'Hollis', 'Holmes', 'Hughes', 'Jackson',
  'Johnson', 'Jones', 'Kelly', 'Kennedy', 'Kershaw', 'King', 'Lewis', 'Lloyd', 'Lomax', 'Marshall',
  'McCarthy', 'Mitchell', 'Moore', 'Morgan', 'Morris', 'Murphy', "O'Brien", 'Parker', 'Pearce', 'Phillips',
  'Pickering', 'Price', 'Roberts', 'Robinson', 'Rowe', 'Shaw', 'Smith', 'Sutcliffe', 'Taylor', 'Thompson',
  'Tranter', 'Turner', 'Walker', 'Ward', 'Watson', 'Webb', 'White', 'Whitlock', 'Williams', 'Wilson',
  'Wood', 'Wright', 'Young', 'Buckley', 'Chadwick', 'Dunmore', 'Fenwick', 'Gallagher', 'Hargreaves', 'Ingham',
  'Lockwood', 'Mottram', 'Naylor', 'Oldroyd', 'Pennington', 'Quayle', 'Rushworth', 'Stanhope', 'Thackeray', 'Upton',
] as const;

const CARIBBEAN_FEMALE = ['Shanice', 'Tanisha', 'Marcia', 'Simone', 'Keisha', 'Latoya', 'Jasmine', 'Monique', 'Sharmaine', 'Danielle', 'Nadine', 'Chantelle'] as const;
const CARIBBEAN_MALE = ['Delroy', 'Marcus', 'Tyrone', 'Jermaine', 'Leon', 'Andre', 'Dwayne', 'Winston', 'Errol', 'Clinton', 'Devon', 'Nathaniel'] as const;
const CARIBBEAN_FAMILY = ['Campbell', 'Francis', 'Grant', 'Reid', 'Samuels', 'Bailey', 'Henry', 'Stewart', 'Gordon', 'Fraser', 'McKenzie', 'Richards', 'Forbes', 'Spencer'] as const;

export const NAME_GROUPS: readonly NameGroup[] = [
  {
    key: 'british',
    ethnicity: 'white_british',
    weight: 66,
    female: BRITISH_FEMALE,
    male: BRITISH_MALE,
    family: BRITISH_FAMILY,
    language: null,
    otherLanguageShare: 0,
  },
  {
    key: 'irish',
    ethnicity: 'white_other',
    weight: 2,
    female: ['Aoife', 'Niamh', 'Siobhan', 'Ciara', 'Orla', 'Roisin', 'Sinead', 'Bridget', 'Mairead', 'Grainne'],
    male: ['Ciaran', 'Declan', 'Padraig', 'Eoin', 'Cathal', 'Darragh', 'Fergal', 'Seamus', 'Ronan', 'Conor'],
    family: ['Byrne', 'Doherty', 'Fitzgerald', 'Kavanagh', 'Lynch', 'McGuinness', 'Nolan', "O'Connor", "O'Sullivan", 'Quinn', 'Ryan', 'Walsh'],
    language: null,
    otherLanguageShare: 0,
  },
  {
    key: 'polish',
    ethnicity: 'white_other',
    weight: 3.5,
    female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna', 'Aleksandra', 'Natalia', 'Monika', 'Ewa', 'Anna', 'Justyna', 'Paulina', 'Marta'],
    male: ['Piotr', 'Tomasz', 'Krzysztof', 'Marcin', 'Pawel', 'Michal', 'Jakub', 'Lukasz', 'Grzegorz', 'Kamil', 'Dawid', 'Mateusz'],
    family: ['Nowak', 'Kowalski', 'Wisniewski', 'Wojcik', 'Kaminski', 'Lewandowski', 'Zielinski', 'Szymanski', 'Dabrowski', 'Kozlowski', 'Jankowski', 'Mazur'],
    language: 'Polish',
    otherLanguageShare: 0.55,
    feminineFamily: polishFeminine,
  },
  {
    key: 'romanian',
    ethnicity: 'white_other',
    weight: 2,
    female: ['Ioana', 'Elena', 'Andreea', 'Mihaela', 'Gabriela', 'Alexandra', 'Cristina', 'Roxana', 'Larisa', 'Bianca'],
    male: ['Andrei', 'Ionut', 'Florin', 'Mihai', 'Bogdan', 'Alexandru', 'Stefan', 'Cosmin', 'Vasile', 'Catalin'],
    family: ['Popescu', 'Ionescu', 'Constantin', 'Stan', 'Dumitru', 'Popa', 'Marin', 'Radu', 'Munteanu', 'Lungu'],
    language: 'Romanian',
    otherLanguageShare: 0.6,
  },
  {
    key: 'lithuanian',
    ethnicity: 'white_other',
    weight: 1,
    female: ['Jurgita', 'Rasa', 'Ieva', 'Egle', 'Ruta', 'Agne', 'Vaida', 'Inga'],
    male: ['Tomas', 'Mindaugas', 'Darius', 'Andrius', 'Mantas', 'Rokas', 'Vytautas', 'Egidijus'],
    family: ['Kazlauskas', 'Petrauskas', 'Jankauskas', 'Stankevicius', 'Vasiliauskas', 'Zukauskas', 'Butkus', 'Paulauskas'],
    language: 'Lithuanian',
    otherLanguageShare: 0.5,
  },
  {
    key: 'portuguese',
    ethnicity: 'white_other',
    weight: 1,
    female: ['Ana', 'Beatriz', 'Mariana', 'Sofia', 'Ines', 'Catarina', 'Joana', 'Rita'],
    male: ['Joao', 'Tiago', 'Rui', 'Nuno', 'Pedro', 'Bruno', 'Ricardo', 'Diogo'],
    family: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Costa', 'Oliveira', 'Rodrigues', 'Martins'],
    language: 'Portuguese',
    otherLanguageShare: 0.5,
  },
  {
    key: 'ukrainian',
    ethnicity: 'white_other',
    weight: 1,
    female: ['Olena', 'Iryna', 'Daria', 'Oksana', 'Kateryna', 'Yulia', 'Tetiana', 'Viktoriia'],
    male: ['Oleksandr', 'Dmytro', 'Andrii', 'Serhii', 'Volodymyr', 'Mykola', 'Yurii', 'Taras'],
    family: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boyko', 'Savchenko'],
    language: 'Ukrainian',
    otherLanguageShare: 0.7,
  },
  {
    key: 'pakistani',
    ethnicity: 'asian',
    weight: 4.5,
    female: ['Ayesha', 'Fatima', 'Zainab', 'Sana', 'Nadia', 'Amina', 'Rabia', 'Hina', 'Saima', 'Mehwish', 'Iqra', 'Shazia'],
    male: ['Mohammed', 'Imran', 'Asif', 'Tariq', 'Usman', 'Bilal', 'Kashif', 'Zeeshan', 'Adnan', 'Faisal', 'Shahid', 'Waqas'],
    family: ['Khan', 'Hussain', 'Ahmed', 'Akhtar', 'Iqbal', 'Butt', 'Malik', 'Raza', 'Shah', 'Qureshi', 'Mahmood', 'Rashid'],
    language: 'Urdu',
    otherLanguageShare: 0.3,
  },
  {
    key: 'indian',
    ethnicity: 'asian',
    weight: 2.5,
    female: ['Priya', 'Harpreet', 'Jaspreet', 'Manpreet', 'Anjali', 'Pooja', 'Kiran', 'Sunita', 'Neha', 'Rupinder'],
    male: ['Rajesh', 'Gurpreet', 'Harjit', 'Amit', 'Sanjay', 'Vikram', 'Jaswinder', 'Rohit', 'Sunil', 'Arjun'],
    family: ['Patel', 'Singh', 'Kaur', 'Sharma', 'Gill', 'Sandhu', 'Mistry', 'Chauhan', 'Bains', 'Dhillon'],
    language: 'Punjabi',
    otherLanguageShare: 0.25,
  },
  {
    key: 'bangladeshi',
    ethnicity: 'asian',
    weight: 1.5,
    female: ['Rukhsana', 'Shahana', 'Nasima', 'Ruksana', 'Tahmina', 'Jesmin', 'Shirin', 'Taslima'],
    male: ['Abdul', 'Shahid', 'Jamal', 'Rashed', 'Kamrul', 'Mizanur', 'Anwar', 'Habib'],
    family: ['Begum', 'Uddin', 'Miah', 'Rahman', 'Islam', 'Chowdhury', 'Ali', 'Hoque'],
    language: 'Bengali (Sylheti)',
    otherLanguageShare: 0.45,
  },
  {
    key: 'chinese',
    ethnicity: 'asian',
    weight: 0.7,
    female: ['Mei', 'Li Na', 'Xiu Ying', 'Jing', 'Yan', 'Hui'],
    male: ['Wei', 'Jun', 'Hao', 'Ming', 'Jian', 'Lei'],
    family: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Huang', 'Lin', 'Wong'],
    language: 'Mandarin',
    otherLanguageShare: 0.5,
  },
  {
    key: 'somali',
    ethnicity: 'black',
    weight: 1.2,
    female: ['Amina', 'Hodan', 'Fadumo', 'Sahra', 'Ifrah', 'Ayaan', 'Hawa', 'Khadra', 'Nimco', 'Ubah'],
    male: ['Abdi', 'Mohamed', 'Abdullahi', 'Hassan', 'Yusuf', 'Ahmed', 'Abdirahman', 'Mustafe'],
    family: ['Ali', 'Hassan', 'Mohamed', 'Farah', 'Warsame', 'Abdi', 'Osman', 'Jama', 'Hussein', 'Nur'],
    language: 'Somali',
    otherLanguageShare: 0.5,
  },
  {
    key: 'nigerian',
    ethnicity: 'black',
    weight: 1.6,
    female: ['Chiamaka', 'Ngozi', 'Adaeze', 'Folake', 'Funmilayo', 'Blessing', 'Precious', 'Chioma', 'Temitope', 'Yetunde'],
    male: ['Chinedu', 'Emeka', 'Olumide', 'Tunde', 'Segun', 'Kelechi', 'Obinna', 'Babatunde', 'Ifeanyi', 'Femi'],
    family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Adebayo', 'Ogunleye', 'Oyelaran', 'Uche'],
    language: 'Yoruba',
    otherLanguageShare: 0.1,
  },
  {
    key: 'eritrean',
    ethnicity: 'black',
    weight: 0.6,
    female: ['Selam', 'Saba', 'Helen', 'Senait', 'Yordanos', 'Lidya'],
    male: ['Yohannes', 'Tesfay', 'Berhane', 'Filmon', 'Samuel', 'Dawit'],
    family: ['Kidane', 'Gebremedhin', 'Haile', 'Tesfamariam', 'Ghebreyesus', 'Woldu'],
    language: 'Tigrinya',
    otherLanguageShare: 0.75,
  },
  {
    key: 'caribbean',
    ethnicity: 'black',
    weight: 1.6,
    female: CARIBBEAN_FEMALE,
    male: CARIBBEAN_MALE,
    family: CARIBBEAN_FAMILY,
    language: null,
    otherLanguageShare: 0,
  },
  {
    key: 'mixed',
    ethnicity: 'mixed',
    weight: 3,
    female: [...CARIBBEAN_FEMALE, 'Keira', 'Layla', 'Maya', 'Tia', 'Amber', 'Jasmin'],
    male: [...CARIBBEAN_MALE, 'Tyler', 'Kai', 'Malachi', 'Reuben', 'Isaac', 'Elijah'],
    family: [...CARIBBEAN_FAMILY, ...BRITISH_FAMILY.slice(0, 20)],
    language: null,
    otherLanguageShare: 0,
  },
  {
    key: 'arab',
    ethnicity: 'arab',
    weight: 1.4,
    female: ['Layla', 'Mariam', 'Noor', 'Rana', 'Huda', 'Salma', 'Yasmin', 'Dalia', 'Rasha', 'Fatima'],
    male: ['Omar', 'Khalid', 'Tariq', 'Yousef', 'Samir', 'Karim', 'Hamza', 'Rami', 'Faisal', 'Ahmad'],
    family: ['Al-Hassan', 'Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Abboud', 'Darwish', 'Hamdan', 'Yassin'],
    language: 'Arabic',
    otherLanguageShare: 0.55,
  },
  {
    key: 'turkish_kurdish',
    ethnicity: 'other',
    weight: 0.8,
    female: ['Ayse', 'Elif', 'Zeynep', 'Hatice', 'Emine', 'Berfin', 'Rojda', 'Dilan'],
    male: ['Mehmet', 'Mustafa', 'Ahmet', 'Hasan', 'Kadir', 'Baran', 'Serhat', 'Rizgar'],
    family: ['Yilmaz', 'Kaya', 'Demir', 'Sahin', 'Celik', 'Aydin', 'Ozturk', 'Arslan'],
    language: 'Turkish',
    otherLanguageShare: 0.5,
  },
  {
    key: 'filipino',
    ethnicity: 'asian',
    weight: 0.5,
    female: ['Maricel', 'Rowena', 'Jocelyn', 'Marites', 'Lorna', 'Cherry'],
    male: ['Romeo', 'Jose', 'Rodel', 'Arnel', 'Joel', 'Reynaldo'],
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Ramos', 'Aquino'],
    language: 'Tagalog',
    otherLanguageShare: 0.35,
  },
];

export const NAME_GROUP_WEIGHTS: readonly number[] = NAME_GROUPS.map((g) => g.weight);

export function familyNameFor(group: NameGroup, family: string, gender: 'female' | 'male' | string): string {
  return gender === 'female' && group.feminineFamily ? group.feminineFamily(family) : family;
}

/** Other spellings the same given or family name turns up under in different agencies' records. */
export const SPELLING_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  Katherine: ['Catherine', 'Kathryn'],
  Catherine: ['Katherine', 'Kathryn'],
  Zoe: ['Zoey'],
  Leanne: ['Lianne', 'Leann'],
  Hayley: ['Haley', 'Hailey'],
  Hollie: ['Holly'],
  Holly: ['Hollie'],
  Siobhan: ['Shivaun', 'Chevonne'],
  Stacey: ['Stacy', 'Staci'],
  Tracey: ['Tracy'],
  Kirsty: ['Kirstie', 'Kirsti'],
  Rebecca: ['Rebekah'],
  Sarah: ['Sara'],
  Jodie: ['Jody'],
  Lindsey: ['Lindsay', 'Lyndsey'],
  Kayleigh: ['Kayley', 'Kaylee'],
  Carly: ['Carlie'],
  Stephen: ['Steven'],
  Steven: ['Stephen'],
  Sean: ['Shaun', 'Shawn'],
  Callum: ['Calum'],
  Connor: ['Conor'],
  Reece: ['Rhys', 'Reese'],
  Lewis: ['Louis'],
  Philip: ['Phillip'],
  Glenn: ['Glen'],
  Neil: ['Neal'],
  Darryl: ['Daryl'],
  Mohammed: ['Mohammad', 'Muhammad'],
  Mohamed: ['Mohammed', 'Muhamed'],
  Yusuf: ['Yousef', 'Yusef'],
  Ayesha: ['Aisha', 'Aysha'],
  Fatima: ['Fatimah'],
  Amina: ['Aminah'],
  Mariam: ['Maryam'],
  Layla: ['Leila', 'Laila'],
  Agnieszka: ['Agniezka', 'Agnieska'],
  Aleksandra: ['Alexandra'],
  Ioana: ['Ioanna'],
  Iryna: ['Irina'],
  Olena: ['Elena'],
  Oleksandr: ['Alexander', 'Aleksandr'],
  Andrii: ['Andriy'],
  Chiamaka: ['Chiamakah'],
  Temitope: ['Temi'],
  Aoife: ['Eva'],
  Niamh: ['Neve'],
  Ciaran: ['Kieran'],
  Thompson: ['Thomson'],
  Clarke: ['Clark'],
  Davies: ['Davis'],
  McCarthy: ['MacCarthy'],
  "O'Brien": ['OBrien', 'Obrien'],
  "O'Connor": ['OConnor', 'Oconnor'],
  Pearce: ['Pierce'],
  Hussain: ['Hussein', 'Husain'],
  Hussein: ['Hussain'],
  Chowdhury: ['Choudhury', 'Chaudhry'],
  Ahmed: ['Ahmad'],
  'Al-Hassan': ['Alhassan', 'Al Hassan'],
  Wisniewski: ['Wisnewski'],
  Kowalski: ['Kowalsky'],
  Kowalska: ['Kowalsca'],
  Ghebreyesus: ['Gebreyesus'],
  Gebremedhin: ['Ghebremedhin'],
  Stankevicius: ['Stankevich'],
};

/** Short forms people are known by. */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Katherine: ['Kate', 'Katie'],
  Catherine: ['Cath', 'Cathy'],
  Rebecca: ['Becky', 'Becca'],
  Samantha: ['Sam', 'Sammy'],
  Victoria: ['Vicky', 'Tori'],
  Stephanie: ['Steph'],
  Jacqueline: ['Jackie'],
  Margaret: ['Maggie', 'Peggy'],
  Abigail: ['Abbie'],
  Eleanor: ['Ellie', 'Nell'],
  Danielle: ['Dani'],
  Nicola: ['Nicky'],
  Daniel: ['Dan', 'Danny'],
  Michael: ['Mike', 'Micky'],
  Christopher: ['Chris'],
  Matthew: ['Matt'],
  Thomas: ['Tom', 'Tommy'],
  Robert: ['Rob', 'Bobby'],
  Richard: ['Rich', 'Ricky'],
  Anthony: ['Tony', 'Ant'],
  Darren: ['Daz'],
  James: ['Jim', 'Jimmy'],
  Nathan: ['Nath'],
  William: ['Will', 'Billy'],
  Andrew: ['Andy'],
  Joseph: ['Joe'],
  Jonathan: ['Jon'],
  Kevin: ['Kev'],
  Terry: ['Tel'],
  Katarzyna: ['Kasia'],
  Magdalena: ['Magda'],
  Aleksandra: ['Ola'],
  Krzysztof: ['Krzys'],
  Mohammed: ['Mo'],
  Mohamed: ['Mo'],
  Abdullahi: ['Abdi'],
  Babatunde: ['Tunde'],
  Oleksandr: ['Sasha'],
  Alexandru: ['Alex'],
};

/** Invented street stems; combined with a suffix they name streets that exist nowhere. */
const STREET_STEMS = [
  'Ashgrove', 'Bramblewick', 'Cinderhill', 'Dovecote', 'Elderfield', 'Foxhollow', 'Gorsebank', 'Hazelmere', 'Ironside', 'Juniper',
  'Kestrel', 'Larkspur', 'Millrace', 'Nettlebed', 'Orchard Vale', 'Pennywort', 'Quarrymoor', 'Rookery', 'Sallowfield', 'Tanners',
  'Underhill', 'Vetchfield', 'Wharfside', 'Yarrowby', 'Alderbrook', 'Beckside', 'Coppergate', 'Dunnock', 'Ferncliffe', 'Glebelands',
  'Heronsgate', 'Kingfisher', 'Lapwing', 'Marigold', 'Netherfold', 'Oxbow', 'Plover', 'Ravensbourne', 'Sedgefield', 'Thistledown',
  'Wagtail', 'Willowbeck', 'Cobblers', 'Fulling Mill', 'Weavers', 'Chandlers', 'Ropewalk', 'Maltings', 'Tenter', 'Dyehouse',
  'Saxonbury', 'Brindle', 'Corncrake', 'Linnet', 'Moorhen', 'Starling', 'Teasel', 'Campion', 'Sorrel', 'Burdock',
] as const;
const STREET_SUFFIXES = ['Road', 'Street', 'Close', 'Avenue', 'Lane', 'Crescent', 'Way', 'Gardens', 'Terrace', 'Drive', 'Grove', 'Court', 'Mews', 'Walk'] as const;

/** Neighbourhoods of the invented city, used as the second address line. */
const CITY_LOCALITIES = [
  'Eastgate', "St Anne's", 'Millbrook', 'Harbour Quarter', 'Kingsway Park', 'Fenwick Estate', 'Lowfield', 'Crowhill', 'Canal Side', 'Old Town',
  'Riverside', 'Northgate', 'Westmoor', 'Brackley Rise', 'Southfields',
] as const;

/** Towns of the invented county, one per postcode district XN1–XN20 (larger towns have two districts). */
export const COUNTY_DISTRICT_TOWNS: readonly string[] = [
  'Wealdbury', 'Wealdbury', 'Fennick Green', 'Sallowmere', 'Brackenford', 'Brackenford', 'Hollinsby', 'Cresswater', 'Thistlecombe', 'Marden Vale',
  'Oakhurst St Giles', 'Pellbrook', 'Harrowgate End', 'Stoneleigh Magna', 'Little Wendham', 'Ashcombe Parva', 'Kingsmere', 'Ditchmere', 'Orrington', 'Cobley Heath',
];

export const CITY_TOWN = 'Northbridge';
export const CITY_DISTRICTS: readonly string[] = Array.from({ length: 9 }, (_, i) => `XC${i + 1}`);
export const COUNTY_DISTRICTS: readonly string[] = Array.from({ length: 20 }, (_, i) => `XN${i + 1}`);

/** Letters allowed in the inward code of a UK postcode (C, I, K, M, O and V are never used there). */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export function postcode(rng: Random, district: string): string {
  return `${district} ${rng.int(0, 9)}${INWARD_LETTERS[rng.int(0, 19)]}${INWARD_LETTERS[rng.int(0, 19)]}`;
}

/** A mobile number in Ofcom's drama range, so it can never ring a real phone. */
export function phoneNumber(rng: Random): string {
  return `07700 900${String(rng.int(0, 999)).padStart(3, '0')}`;
}

export function streetName(rng: Random): string {
  return `${rng.pick(STREET_STEMS)} ${rng.pick(STREET_SUFFIXES)}`;
}

export interface GeneratedAddress {
  line1: string;
  line2: string | null;
  town: string;
  postcode: string;
}

/** An address in the city (XC districts) or the county (XN districts). */
export function address(rng: Random, inCity: boolean): GeneratedAddress {
  const districtIndex = inCity ? rng.int(0, CITY_DISTRICTS.length - 1) : rng.int(0, COUNTY_DISTRICTS.length - 1);
  const district = (inCity ? CITY_DISTRICTS : COUNTY_DISTRICTS)[districtIndex] as string;
  const flat = rng.chance(0.22);
  const line1 = flat ? `Flat ${rng.int(1, 24)}, ${rng.int(1, 90)} ${streetName(rng)}` : `${rng.int(1, 180)} ${streetName(rng)}`;
  const line2 = inCity ? (rng.chance(0.6) ? rng.pick(CITY_LOCALITIES) : null) : null;
  const town = inCity ? CITY_TOWN : (COUNTY_DISTRICT_TOWNS[districtIndex] as string);
  return { line1, line2, town, postcode: postcode(rng, district) };
}

const SCHOOL_PATTERNS = [
  (s: string) => `${s} Primary School`,
  (s: string) => `${s} Community Primary School`,
  (s: string) => `St ${s} C of E Primary School`,
  (s: string) => `${s} Infant School`,
  (s: string) => `${s} Junior School`,
];
const SECONDARY_PATTERNS = [(s: string) => `${s} Academy`, (s: string) => `${s} High School`, (s: string) => `${s} School`];
const SCHOOL_STEMS = ['Ashgrove', 'Larkspur', 'Millbrook', 'Heronsgate', 'Foxhollow', 'Kingfisher', 'Rookery', 'Beckside', 'Glebelands', 'Sedgefield', 'Willowbeck', 'Elderfield', 'Saxonbury', 'Thistledown', 'Netherfold'] as const;
const SAINTS = ['Aldhelm', 'Wystan', 'Edburga', 'Cuthman', 'Frideswide', 'Osmund', 'Birinus', 'Eanswythe'] as const;

/** A nursery, primary or secondary school for a child of `age`, or null for a baby. */
export function school(rng: Random, age: number): string | null {
  if (age < 2) return null;
  if (age < 4) return `${rng.pick(SCHOOL_STEMS)} ${rng.pick(['Nursery', 'Pre-School', 'Day Nursery'])}`;
  if (age < 11) {
    const pattern = rng.pick(SCHOOL_PATTERNS);
    return pattern === SCHOOL_PATTERNS[2] ? pattern(rng.pick(SAINTS)) : pattern(rng.pick(SCHOOL_STEMS));
  }
  if (age < 16) return rng.pick(SECONDARY_PATTERNS)(rng.pick(SCHOOL_STEMS));
  return `${rng.pick(['Northbridge', 'Wealdshire'])} College`;
}

const SURGERY_PATTERNS = [(s: string) => `${s} Medical Practice`, (s: string) => `${s} Surgery`, (s: string) => `${s} Health Centre`, (s: string) => `${s} Family Practice`];

export function gpPractice(rng: Random): string {
  return `Dr ${rng.pick(BRITISH_FAMILY)}, ${rng.pick(SURGERY_PATTERNS)(rng.pick(STREET_STEMS))}`;
}

/** Invented practitioners: referrers, researchers and action owners who have no account of their own. */
export function practitionerName(rng: Random): string {
  const group = NAME_GROUPS[rng.weightedIndex(NAME_GROUP_WEIGHTS)] as NameGroup;
  const female = rng.chance(0.7);
  const given = rng.pick(female ? group.female : group.male);
  return `${given} ${familyNameFor(group, rng.pick(group.family), female ? 'female' : 'male')}`;
}
