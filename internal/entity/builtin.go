package entity

// Built-in knowledge, written by hand for this project: what CoNLL-2003
// (Reuters news of 1996-97) cannot teach the model and the linker needs.
// Countries with their demonyms and aliases and major cities and states
// give the gazetteer features and canonical names ("US" = "United
// States") even without the pipeline's Lexicon; regions tell a LOC from a
// GPE; organisations and their aliases ("ISIS" = "Islamic State") link
// mentions and mark organisations founded after 1997; demonymsExtra tells
// NORP (nationalities, religious and political groups) from other MISC;
// titles and lowerTitles fill Entity.Title; moreFirstNames adds given
// names of current world news.

// countries lists "Country|demonym,demonym|alias,alias" lines.
const countries = `Afghanistan|Afghan,Afghani|
Albania|Albanian|
Algeria|Algerian|
Andorra|Andorran|
Angola|Angolan|
Argentina|Argentine,Argentinian|
Armenia|Armenian|
Australia|Australian|
Austria|Austrian|
Azerbaijan|Azerbaijani,Azeri|
Bahamas|Bahamian|
Bahrain|Bahraini|
Bangladesh|Bangladeshi|
Barbados|Barbadian|
Belarus|Belarusian|
Belgium|Belgian|
Belize|Belizean|
Benin|Beninese|
Bhutan|Bhutanese|
Bolivia|Bolivian|
Bosnia|Bosnian|Bosnia and Herzegovina,Bosnia-Herzegovina
Botswana|Botswanan|
Brazil|Brazilian|
Brunei|Bruneian|
Bulgaria|Bulgarian|
Burkina Faso|Burkinabe|
Burundi|Burundian|
Cambodia|Cambodian|
Cameroon|Cameroonian|
Canada|Canadian|
Chad|Chadian|
Chile|Chilean|
China|Chinese|People's Republic of China
Colombia|Colombian|
Congo|Congolese|Democratic Republic of Congo,Democratic Republic of the Congo,DRC
Costa Rica|Costa Rican|
Croatia|Croatian,Croat|
Cuba|Cuban|
Cyprus|Cypriot|
Czech Republic|Czech|Czechia
Denmark|Danish,Dane|
Djibouti|Djiboutian|
Dominican Republic|Dominican|
Ecuador|Ecuadorian|
Egypt|Egyptian|
El Salvador|Salvadoran|
Eritrea|Eritrean|
Estonia|Estonian|
Ethiopia|Ethiopian|
Fiji|Fijian|
Finland|Finnish,Finn|
France|French,Frenchman,Frenchmen|
Gabon|Gabonese|
Gambia|Gambian|
Georgia|Georgian|
Germany|German|
Ghana|Ghanaian|
Greece|Greek|
Guatemala|Guatemalan|
Guinea|Guinean|
Guyana|Guyanese|
Haiti|Haitian|
Honduras|Honduran|
Hungary|Hungarian|
Iceland|Icelandic,Icelander|
India|Indian|
Indonesia|Indonesian|
Iran|Iranian|Islamic Republic of Iran
Iraq|Iraqi|
Ireland|Irish|
Israel|Israeli|
Italy|Italian|
Ivory Coast|Ivorian|Cote d'Ivoire
Jamaica|Jamaican|
Japan|Japanese|
Jordan|Jordanian|
Kazakhstan|Kazakh|
Kenya|Kenyan|
Kosovo|Kosovar|
Kuwait|Kuwaiti|
Kyrgyzstan|Kyrgyz|
Laos|Laotian|
Latvia|Latvian|
Lebanon|Lebanese|
Liberia|Liberian|
Libya|Libyan|
Liechtenstein|Liechtensteiner|
Lithuania|Lithuanian|
Luxembourg|Luxembourger|
Macedonia|Macedonian|North Macedonia
Madagascar|Malagasy|
Malawi|Malawian|
Malaysia|Malaysian|
Maldives|Maldivian|
Mali|Malian|
Malta|Maltese|
Mauritania|Mauritanian|
Mauritius|Mauritian|
Mexico|Mexican|
Moldova|Moldovan|
Monaco|Monegasque|
Mongolia|Mongolian|
Montenegro|Montenegrin|
Morocco|Moroccan|
Mozambique|Mozambican|
Myanmar|Burmese|Burma
Namibia|Namibian|
Nepal|Nepalese,Nepali|
Netherlands|Dutch|Holland
New Zealand|New Zealander|NZ
Nicaragua|Nicaraguan|
Niger|Nigerien|
Nigeria|Nigerian|
North Korea|North Korean|
Norway|Norwegian|
Oman|Omani|
Pakistan|Pakistani|
Palestine|Palestinian|Palestinian Territories
Panama|Panamanian|
Papua New Guinea|Papua New Guinean|
Paraguay|Paraguayan|
Peru|Peruvian|
Philippines|Filipino,Philippine|
Poland|Polish,Pole|
Portugal|Portuguese|
Qatar|Qatari|
Romania|Romanian|
Russia|Russian|Russian Federation
Rwanda|Rwandan|
Saudi Arabia|Saudi|KSA
Senegal|Senegalese|
Serbia|Serbian,Serb|
Sierra Leone|Sierra Leonean|
Singapore|Singaporean|
Slovakia|Slovak,Slovakian|
Slovenia|Slovenian,Slovene|
Somalia|Somali|
South Africa|South African|
South Korea|South Korean|Korea
South Sudan|South Sudanese|
Spain|Spanish,Spaniard|
Sri Lanka|Sri Lankan|
Sudan|Sudanese|
Suriname|Surinamese|Surinam
Sweden|Swedish,Swede|
Switzerland|Swiss|
Syria|Syrian|
Taiwan|Taiwanese|
Tajikistan|Tajik|
Tanzania|Tanzanian|
Thailand|Thai|
Togo|Togolese|
Trinidad and Tobago|Trinidadian|Trinidad
Tunisia|Tunisian|
Turkey|Turkish,Turk|Turkiye
Turkmenistan|Turkmen|
Uganda|Ugandan|
Ukraine|Ukrainian|
United Arab Emirates|Emirati|UAE,U.A.E.
United Kingdom|British,Briton|UK,U.K.,Britain,Great Britain
United States|American|US,U.S.,U.S,USA,U.S.A.,America,United States of America
Uruguay|Uruguayan|
Uzbekistan|Uzbek|
Venezuela|Venezuelan|
Vietnam|Vietnamese|
Yemen|Yemeni|
Zambia|Zambian|
Zimbabwe|Zimbabwean|
Soviet Union|Soviet|USSR
Zaire|Zairean|
Seychelles|Seychellois|
Tonga|Tongan|
Samoa|Samoan|
Comoros|Comoran|
Cape Verde|Cape Verdean|
Equatorial Guinea|Equatoguinean|
Guinea-Bissau||
Lesotho||
Swaziland|Swazi|Eswatini
San Marino|Sammarinese|
Vatican||Vatican City,Holy See
Vanuatu||
Solomon Islands||
East Timor|East Timorese|Timor-Leste
Czechoslovakia|Czechoslovak|
Gibraltar||
Puerto Rico|Puerto Rican|
Greenland||
Bermuda||
Macau||Macao
Western Sahara||
Grenada||
Antigua||
Yugoslavia|Yugoslav|
Scotland|Scottish,Scot|
England|English,Englishman|
Wales|Welsh|
Kurdistan|Kurdish,Kurd|
Chechnya|Chechen|
Tibet|Tibetan|
Gaza|Gazan|Gaza Strip
West Bank||
Hong Kong||
`

// cities lists major cities, states and provinces (GPE, not countries).
const cities = `Abu Dhabi,Accra,Addis Ababa,Aden,Aleppo,Algiers,Amman,Amsterdam,Ankara,Anbar,Athens,Atlanta,Auckland,Baghdad,Baku,Bali,Baltimore,Bangkok,Barcelona,Basra,Beijing,Beirut,Belfast,Belgrade,Benghazi,Berlin,Bern,Bogota,Bombay,Bonn,Boston,Brasilia,Bratislava,Brisbane,Brussels,Bucharest,Budapest,Buenos Aires,Cairo,Calcutta,California,Canberra,Cape Town,Caracas,Casablanca,Chicago,Colombo,Copenhagen,Dakar,Dallas,Damascus,Dar es Salaam,Delhi,Denver,Detroit,Dhaka,Doha,Donetsk,Dubai,Dublin,Durban,Edinburgh,Erbil,Fallujah,Florida,Frankfurt,Geneva,Glasgow,Gothenburg,Hamburg,Hanoi,Harare,Havana,Hebron,Helsinki,Herat,Hiroshima,Homs,Houston,Idlib,Islamabad,Istanbul,Jakarta,Jeddah,Jerusalem,Johannesburg,Kabul,Kandahar,Karachi,Karbala,Kathmandu,Khartoum,Kiev,Kyiv,Kigali,Kinshasa,Kirkuk,Kolkata,Kuala Lumpur,Lagos,Lahore,Las Vegas,Lima,Lisbon,Ljubljana,London,Los Angeles,Luanda,Lusaka,Lyon,Madrid,Managua,Manchester,Manila,Marseille,Mecca,Medina,Melbourne,Mexico City,Miami,Milan,Minsk,Mogadishu,Monrovia,Montreal,Moscow,Mosul,Mumbai,Munich,Nairobi,Najaf,Naples,New Delhi,New York,New York City,Nicosia,Nineveh,Osaka,Oslo,Ottawa,Paris,Peshawar,Philadelphia,Phnom Penh,Prague,Pretoria,Pyongyang,Quebec,Quetta,Rabat,Ramadi,Ramallah,Raqqa,Riga,Rio de Janeiro,Riyadh,Rome,Rotterdam,Saigon,Samarra,San Francisco,Sanaa,Santiago,Sao Paulo,Sarajevo,Seattle,Seoul,Shanghai,Singapore,Skopje,Sofia,St Petersburg,St. Petersburg,Stockholm,Sydney,Taipei,Tallinn,Tashkent,Tbilisi,Tehran,Tel Aviv,Tikrit,Tirana,Tokyo,Toronto,Tripoli,Tunis,Texas,Ulan Bator,Vancouver,Vienna,Vilnius,Warsaw,Washington,Wellington,Yangon,Yerevan,Zagreb,Zurich,Alabama,Alaska,Arizona,Arkansas,Colorado,Connecticut,Delaware,Hawaii,Idaho,Illinois,Indiana,Iowa,Kansas,Kentucky,Louisiana,Maine,Maryland,Massachusetts,Michigan,Minnesota,Mississippi,Missouri,Montana,Nebraska,Nevada,New Hampshire,New Jersey,New Mexico,North Carolina,North Dakota,Ohio,Oklahoma,Oregon,Pennsylvania,Rhode Island,South Carolina,South Dakota,Tennessee,Utah,Vermont,Virginia,West Virginia,Wisconsin,Wyoming,Ontario,Bavaria,Kashmir,Punjab,Crimea,Catalonia,Sindh,Kurdistan Region,Golan Heights,Hokkaido,Siberia,Oakland,Pittsburgh,Cincinnati,Cleveland,Milwaukee,San Diego,Kansas City,St Louis,St. Louis,Minneapolis,Sacramento,Portland,Orlando,Tampa,Indianapolis,Nashville,Memphis,New Orleans,Salt Lake City,San Antonio,San Jose,Honolulu,Anaheim,Leeds,Liverpool,Birmingham,Newcastle,Sheffield,Bristol,Nottingham,Leicester,Southampton,Cardiff,Aberdeen,Cologne,Dortmund,Stuttgart,Duesseldorf,Dusseldorf,Bremen,Hanover,Leipzig,Dresden,Lille,Bordeaux,Toulouse,Strasbourg,Nantes,Turin,Genoa,Bologna,Palermo,Venice,Seville,Valencia,Bilbao,Porto,Antwerp,The Hague,Eindhoven,Utrecht,Basel,Lausanne,Salzburg,Graz,Krakow,Gdansk,Wroclaw,Kharkiv,Odessa,Perth,Adelaide,Christchurch,Calgary,Edmonton,Winnipeg,Kyoto,Nagoya,Yokohama,Kobe,Busan,Guangzhou,Shenzhen,Chongqing,Wuhan,Tianjin,Chennai,Madras,Bangalore,Hyderabad,Ahmedabad,Chittagong,Rawalpindi,Surabaya,Ho Chi Minh City,Medellin,Guadalajara,Monterrey,Recife,Porto Alegre,Montevideo,Asuncion,La Paz,Quito,Valparaiso,Cordoba,Rosario,Alexandria,Marrakesh,Tangier,Abuja,Kano,Mombasa,Kampala,Lilongwe,Maputo,Windhoek,Gaborone,Bulawayo,Port Elizabeth,Bloemfontein,Grozny,Mostar,Tuzla,Pristina,Thessaloniki,Izmir,Antalya,Tabriz,Isfahan,Mashhad,Haifa,Nablus,Jenin,Khan Younis,Rafah,Sidon,Latakia,Hama,Daraa,Jalalabad,Kunduz,Multan,Faisalabad,Colombo,Jaffna,Dushanbe,Bishkek,Almaty,Astana,Ashgabat,Dayton,Vaduz,Queensland,New South Wales,Tasmania,Saskatchewan,Alberta,Manitoba,British Columbia,Nova Scotia,Newfoundland`

// regions lists non-GPE locations (LOC).
const regions = `Africa,Asia,Europe,North America,South America,Latin America,Central America,Antarctica,Arctic,Oceania,Middle East,Near East,Far East,Mideast,Gulf,Persian Gulf,Arabian Peninsula,Balkans,Caucasus,Caribbean,Mediterranean,Sahara,Sahel,Horn of Africa,Central Asia,South Asia,Southeast Asia,East Asia,Western Europe,Eastern Europe,Scandinavia,Levant,Maghreb,Pacific,Atlantic,Indian Ocean,Red Sea,Black Sea,Caspian Sea,Baltic,Tigris,Euphrates,Nile,Himalayas,Alps,Sinai,Strait of Hormuz,Gulf of Oman,South China Sea,West,Western Hemisphere`

// orgs lists well-known organisations and acronyms, with "=" joining
// aliases of one organisation.
const orgs = `United Nations=UN=U.N.,European Union=EU,North Atlantic Treaty Organization=NATO,Islamic State=ISIS=ISIL=IS,Popular Mobilization Forces=Popular Mobilisation Forces=PMF=Hashd al-Shaabi,International Atomic Energy Agency=IAEA,Organization of the Petroleum Exporting Countries=OPEC,World Health Organization=WHO,Federal Bureau of Investigation=FBI,Central Intelligence Agency=CIA,National Security Agency=NSA,International Monetary Fund=IMF,World Trade Organization=WTO,World Bank,Pentagon,Kremlin,White House,State Department,Hezbollah,Hizbollah,Hamas,Taliban=Taleban,al-Qaeda=al-Qaida=Al Qaeda=Al-Qaeda,Kataib Hezbollah,Houthis=Houthi,Muslim Brotherhood,Revolutionary Guards=Revolutionary Guard=IRGC,Quds Force,Reuters,Interfax,Itar-Tass=ITAR-TASS=Tass,Kyodo,Yonhap,Bloomberg,Dow Jones,United Press International=UPI,Associated Press=AP,Agence France-Presse=AFP,Xinhua,BBC,CNN,Al Jazeera,Congress,Senate,Parliament,Knesset,Duma,Security Council,Red Cross,Red Crescent,Amnesty International,Human Rights Watch,Interpol,Europol,African Union=AU,Arab League,Gulf Cooperation Council=GCC,ASEAN,G7,G20,Boko Haram,al-Shabaab=Al-Shabaab,PKK,YPG,SDF,Syrian Democratic Forces,Free Syrian Army,Mossad,Shin Bet,FSB,KGB,MI6,MI5,Google,Apple,Microsoft,Amazon,Facebook,Twitter,NASA,Supreme Court,Labour,Tories,Marines=Marine Corps=US Marines,Navy SEALs`

// demonymsExtra are NORP words that are not country demonyms.
const demonymsExtra = `Arab,Arabs,Kurd,Kurds,Muslim,Muslims,Moslem,Moslems,Christian,Christians,Jew,Jews,Jewish,Sunni,Sunnis,Shia,Shiite,Shiites,Shi'ite,Shi'ites,Catholic,Catholics,Protestant,Protestants,Orthodox,Hindu,Hindus,Buddhist,Buddhists,Sikh,Sikhs,Islamist,Islamists,Islamic,Democrat,Democrats,Republican,Republicans,Democratic,Communist,Communists,Socialist,Socialists,European,Europeans,Asian,Asians,African,Africans,Western,Westerner,Westerners,Persian,Yazidi,Yazidis,Alawite,Alawites,Roman Catholic,Roman Catholics,Druze,Zionist,Pashtun,Baluch,Tamil,Tamils,Uighur,Uighurs,Uyghur,Uyghurs,Latino,Latinos,Hispanic,Hispanics,Arabic,Scandinavian,Balkan,Caucasian,Slav,Slavic,Latin,Nordic,Baltic,Gulf Arab,Palestinians,Israelis,Arab-Israeli,Conservative,Conservatives,Liberal,Liberals,Nazi,Nazis,Marxist,Maoist,Maoists,Bolshevik,Anglican,Evangelical,Evangelicals,Mormon,Mormons,Coptic,Copts,Wahhabi,Salafi,Salafist,Salafists,Jihadist,Jihadists,Hutu,Hutus,Tutsi,Tutsis,Basque,Basques,Berber,Berbers,Bedouin,Bedouins,Hazara,Hazaras,Zulu,Zulus,Xhosa,Kikuyu,Igbo,Yoruba,Hausa,Amhara,Oromo,Tigrayan,Tigrayans,Ossetian,Ossetians,Abkhaz,Tatar,Tatars,Cossack,Cossacks,Aborigine,Aborigines,Aboriginal,Maori,Inuit,Catalan,Catalans,Corsican,Corsicans,Flemish,Walloon,Walloons,Lutheran,Lutherans,Methodist,Methodists,Baptist,Baptists,Presbyterian,Presbyterians,Maronite,Maronites,Gaullist,Gaullists,Peronist,Peronists,Sandinista,Sandinistas,Zapatista,Zapatistas,Fascist,Fascists,Stalinist,Leninist,Trotskyist,Serbs,Croats,Muslim-Croat,Bosniak,Bosniaks,Kosovars,Albanians,Slavs,Anglo-Saxon,Hispano,Afro-American`

// titles lists titles and role words written before a person's name;
// spaces separate the words of a multi-word title.
const titles = `President,Vice President,Prime Minister,Deputy Prime Minister,Minister,Deputy Minister,Foreign Minister,Defense Minister,Defence Minister,Interior Minister,Finance Minister,Oil Minister,Health Minister,Justice Minister,Trade Minister,Economy Minister,Information Minister,State Minister,Secretary,Secretary of State,Assistant Secretary,Assistant Secretary of State,Under Secretary,Undersecretary,Deputy Secretary,Secretary of Defense,Secretary of Defence,Defense Secretary,Defence Secretary,Foreign Secretary,Home Secretary,Treasury Secretary,State Secretary,Press Secretary,Secretary-General,Secretary General,Director-General,Director General,Managing Director,Executive Director,General Manager,Chief Executive Officer,Chief Operating Officer,Chief Financial Officer,Governor-General,Governor General,Deputy Director,General,Gen.,Gen,Army Gen.,Marine Gen.,Air Force Gen.,Lt. Gen.,Lieutenant General,Maj. Gen.,Major General,Brig. Gen.,Brigadier General,Lt.,Lieutenant,Maj.,Major,Col.,Colonel,Lt. Col.,Capt.,Captain,Sgt.,Sergeant,Cpl.,Pvt.,Adm.,Admiral,Vice Adm.,Rear Adm.,Cmdr.,Commander,Field Marshal,Marshal,Sen.,Senator,Rep.,Representative,Congressman,Congresswoman,Gov.,Governor,Lt. Gov.,Mayor,Ayatollah,Grand Ayatollah,Sheikh,Sheik,Imam,Mullah,Cleric,King,Queen,Prince,Princess,Crown Prince,Emir,Sultan,Pope,Cardinal,Archbishop,Bishop,Rev.,Reverend,Rabbi,Mr.,Mr,Mrs.,Mrs,Ms.,Ms,Miss,Dr.,Dr,Prof.,Professor,Judge,Justice,Chief Justice,Speaker,House Speaker,Chancellor,Vice Chancellor,Treasurer,Ambassador,Envoy,Special Envoy,Chairman,Chairwoman,Chief,Director,Spokesman,Spokeswoman,Spokesperson,Commissioner,Attorney General,Supreme Leader,Leader,Opposition Leader,Sir,Lord,Lady,Dame,Premier,Coach,Detective,Officer,Sheriff,Inspector,Superintendent,Chief Executive,CEO,Chairperson,Deputy,Councillor,Councilman,Councilwoman,Senior Adviser,Adviser,Advisor,National Security Adviser,President-elect,Pres.,Gov,Sen,Rep,Lawmaker,Diplomat,Commander-in-Chief`

// lowerTitles are role words written in lower case before a name
// ("spokesman John Kirby", "cleric Moqtada al-Sadr").
const lowerTitles = `president,minister,secretary,spokesman,spokeswoman,spokesperson,leader,cleric,commander,envoy,ambassador,chairman,chairwoman,director,chief,senator,general,lawmaker,analyst,official,governor,mayor,premier,coach,striker,midfielder,defender,goalkeeper,captain,manager,colleague,adviser,advisor,aide,candidate,challenger,rival,judge,prosecutor,lawyer,attorney,economist,reporter,correspondent,photographer,editor,actor,actress,singer,writer,author,player,champion,veteran,compatriot,teammate,husband,wife,son,daughter,brother,sister,father,mother`

// moreFirstNames are given names common in world news that the generated
// list (firstnames.txt, from English-language name lists) lacks.
const moreFirstNames = `Donald,Recep,Narendra,Hassan,Mohammad,Mohamed,Mohamad,Abdullah,Abdalla,Jair,Volodymyr,Sergey,Dmitry,Dmytro,Yoweri,Bashar,Ismail,Shinzo,Fumio,Olaf,Rishi,Kamala,Hosni,Muammar,Saddam,Osama,Ayman,Ashraf,Nouri,Nuri,Haider,Mustafa,Mehmet,Ahmet,Kemal,Ilham,Nursultan,Kassym,Evo,Ehud,Yitzhak,Shimon,Naftali,Yair,Yasser,Khaled,Khalid,Hamad,Tamim,Salman,Faisal,Zayed,Fayez,Abiy,Uhuru,Muhammadu,Olusegun,Thabo,Emmerson,Yahya,Idriss,Mahamat,Alassane,Macky,Bola,Gotabaya,Mahinda,Ranil,Imran,Nawaz,Asif,Shehbaz,Pervez,Jalal,Masoud,Massoud,Ebrahim,Hossein,Javad,Reza,Qassem,Rahul,Manmohan,Atal,Amit,Arvind,Junichiro,Taro,Yoshihide,Yevgeny,Mikhail,Oleg,Yulia,Vitali,Petro,Viktor,Oleksandr,Luiz,Nayib,Dilma,Hakainde,Joaquim,Salva,Riek,Moqtada,Akbar,Ruhollah,Benazir,Zulfikar,Hasina,Khaleda,Aung,Joko,Susilo,Megawati,Abdurrahman,Corazon,Benigno,Kofi,Boutros,Josep`
